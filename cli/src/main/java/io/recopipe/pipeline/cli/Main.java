package io.recopipe.pipeline.cli;

import io.recopipe.logging.JulBridge;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code recopipe} command line: one entry point for training, data tools and benchmarks, so
 * the launcher script and CI call the same code a user does. Command groups shipped in jars of
 * their own (the benchmarks) join through {@link AddOnCommand} when their jar is on the class path.
 */
@Command(
    name = "recopipe",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "MLOps pipeline for matrix-factorization recommenders.",
    subcommands = {
      RunCommand.class,
      RunsCommand.class,
      ResumeCommand.class,
      SqlCommand.class,
      EndpointsCommand.class,
      UndeployCommand.class,
      ModelsCommand.class,
      ReviewersCommand.class,
      PolicyCommand.class,
      AuditCommand.class,
      ScheduleCommand.class,
      ImageCommand.class,
      ServerCommand.class,
      GcCommand.class,
      TrainCommand.class,
      DataCommand.class,
      CompileCommand.class,
      SubmitCommand.class,
      ComponentCommand.class
    })
public final class Main {

  private Main() {}

  /** Runs the CLI and exits with its code (see {@link ExitCodes}). */
  public static void main(String[] args) {
    JulBridge.install(); // the Google client libraries log through java.util.logging
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code; tests call this instead of {@link #main}. */
  public static int run(String... args) {
    CommandLine cli = commandLine();
    cli.setExecutionExceptionHandler(new OneLineErrors());
    return cli.execute(args);
  }

  /** The command tree: the built-in commands, the add-ons on the class path, then {@code help}. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    for (AddOnCommand addOn : ServiceLoader.load(AddOnCommand.class)) {
      cli.addSubcommand(addOn);
    }
    cli.addSubcommand(new CommandLine.HelpCommand());
    return cli;
  }
}
