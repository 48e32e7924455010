package io.recopipe.pipeline.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code recopipe run} child process: its output is copied to a log file by a daemon thread,
 * which also picks the run id from the runner's first line ({@code run ID of pipeline ...}).
 */
final class ChildRun implements RunHandle {
  private static final Pattern STARTED = Pattern.compile("^run (\\S+) of pipeline ");

  private final Process process;
  private final Path log;
  private final CompletableFuture<String> runId = new CompletableFuture<>();

  private ChildRun(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts copying {@code process}'s output to {@code log}. */
  static ChildRun follow(Process process, Path log) {
    ChildRun run = new ChildRun(process, log);
    Thread pump = new Thread(run::copyOutput, "recopipe-run-log-" + process.pid());
    pump.setDaemon(true);
    pump.start();
    return run;
  }

  /** The run id once printed; null when the process ended without starting a run. */
  CompletableFuture<String> startedRun() {
    return runId;
  }

  Path log() {
    return log;
  }

  Process process() {
    return process;
  }

  @Override
  public String runId() {
    return runId.getNow(null);
  }

  @Override
  public boolean running() {
    return process.isAlive();
  }

  @Override
  public Optional<String> outcome() {
    return process.isAlive() ? Optional.empty() : Optional.of("exit " + process.exitValue());
  }

  private void copyOutput() {
    try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out =
            Files.newBufferedWriter(
                log,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        out.write(line);
        out.write('\n');
        out.flush();
        Matcher started = STARTED.matcher(line);
        if (!runId.isDone() && started.find()) {
          runId.complete(started.group(1));
        }
      }
    } catch (IOException e) {
      runId.completeExceptionally(new UncheckedIOException("cannot log the run to " + log, e));
    } finally {
      runId.complete(null);
    }
  }
}
