package io.recopipe.pipeline.schedule;

import io.recopipe.components.packaging.CliJvmFlags;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.home.RecopipeHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts each scheduled run as a {@code recopipe run} child process of the same JVM build, so a
 * crashing run cannot take the server down and DuckDB's single-writer lock is released after each
 * run; output goes to {@code <home>/schedules/NAME/<planned time>.log}.
 */
public final class ChildProcessLauncher implements RunLauncher {
  /** The environment variable naming who started the run ({@code scheduler:NAME}). */
  public static final String STARTED_BY_ENV = "RECOPIPE_STARTED_BY";

  /** Who the runs of schedule {@code name} are attributed to. */
  public static String startedBy(String name) {
    return "scheduler:" + name;
  }

  private static final DateTimeFormatter LOG_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final RecopipeHome home;
  private final Duration startTimeout;
  private final String mainClass;

  /**
   * Runs into {@code home}, waiting up to {@code startTimeout} for a child to start its run; the
   * child is {@code mainClass} (the CLI's entry point, handed down by the CLI) on this JVM's class
   * path.
   */
  public ChildProcessLauncher(RecopipeHome home, Duration startTimeout, String mainClass) {
    this.home = home;
    this.startTimeout = startTimeout;
    this.mainClass = mainClass;
  }

  @Override
  public RunHandle launch(Schedule schedule, Instant plannedAt) {
    Path log =
        home.root()
            .resolve("schedules")
            .resolve(schedule.name())
            .resolve(LOG_NAME.format(plannedAt) + ".log");
    ChildRun run;
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command(schedule)).redirectErrorStream(true);
      builder.environment().put(STARTED_BY_ENV, startedBy(schedule.name()));
      run = ChildRun.follow(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start recopipe run: " + e.getMessage(), e);
    }
    String runId = awaitRunId(run);
    if (runId == null) {
      throw new OperationFailedException(
          "recopipe run ended ("
              + run.outcome().orElse("?")
              + ") before starting a run; see "
              + log);
    }
    return run;
  }

  private String awaitRunId(ChildRun run) {
    try {
      String runId = run.startedRun().get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (runId == null) {
        run.process().waitFor(10, TimeUnit.SECONDS);
      }
      return runId;
    } catch (TimeoutException e) {
      run.process().destroyForcibly();
      throw new OperationFailedException(
          "recopipe run printed no run id within "
              + startTimeout
              + " and was stopped; see "
              + run.log(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.process().destroyForcibly();
      throw new OperationFailedException("interrupted while starting a run", e);
    } catch (ExecutionException e) {
      throw new OperationFailedException(e.getCause().getMessage(), e.getCause());
    }
  }

  List<String> command(Schedule schedule) {
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(CliJvmFlags.FLAGS);
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if ((flag.startsWith("-Xmx") || flag.startsWith("-XX:")) && !command.contains(flag)) {
        command.add(flag);
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            mainClass,
            "run",
            "--home",
            home.root().toString()));
    schedule.config().ifPresent(config -> command.addAll(List.of("--config", config.toString())));
    for (Map.Entry<String, String> override : schedule.overrides().entrySet()) {
      command.addAll(List.of("--set", override.getKey() + "=" + override.getValue()));
    }
    return command;
  }

  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
