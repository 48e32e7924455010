package io.recopipe.pipeline.cli;

import io.recopipe.logging.JulBridge;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code recopipe} command line: one entry point for training, data tools and benchmarks, so
 * the launcher script and CI call the same code a user does.
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
      BenchCommand.class,
      CompileCommand.class,
      SubmitCommand.class,
      ComponentCommand.class,
      CommandLine.HelpCommand.class
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
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new OneLineErrors());
    return cli.execute(args);
  }
}
