package io.recopipe.pipeline.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Runs one executor command as a child process, as KFP's launcher runs the user container's
 * command: output and errors go to the task's log and the console, and the exit code decides. The
 * child gets the spec's environment on top of this one, minus the variables that would switch the
 * CLI to the gcp profile, and is stopped when this process is.
 */
final class ChildProcess {
  private ChildProcess() {}

  /** Runs {@code command} in {@code directory} and returns its exit code. */
  static int run(
      List<String> command, Map<String, String> env, Path directory, Path log, PrintStream out)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment
        .keySet()
        .removeIf(k -> k.equals("RECOPIPE_PROFILE") || k.startsWith("RECOPIPE_GCP_"));
    environment.putAll(env);
    environment.put("TMPDIR", directory.resolve("tmp").toString());
    Process process = builder.start();
    Thread stopper = new Thread(process::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(stopper);
    try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer logFile =
            Files.newBufferedWriter(
                log,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        logFile.write(line);
        logFile.write('\n');
        out.println(line);
      }
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while " + command.get(0) + " ran", e);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it stops the child
      }
    }
  }
}
