package io.recopipe.pipeline.runner;

import io.recopipe.components.api.StepLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A step's log written to a file that becomes the execution's {@code log} artifact (so logs outlive
 * the process), with progress lines echoed to the user's terminal as well; a failure's stack trace
 * is kept here, where the terminal only shows its one-line message.
 */
final class FileStepLog implements StepLog, AutoCloseable {
  /** The log file's name inside the log artifact. */
  static final String FILE = "step.log";

  private final String step;
  private final PrintStream progress;
  private final BufferedWriter writer;

  FileStepLog(Path directory, String step, PrintStream progress) throws IOException {
    this.step = step;
    this.progress = progress;
    this.writer = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void info(String line) {
    try {
      writer.write(Instant.now() + " " + line);
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the log of step " + step, e);
    }
  }

  @Override
  public void progress(String line) {
    info(line);
    progress.println("[" + step + "] " + line);
  }

  /**
   * Writes {@code line} and {@code thrown}'s stack trace (causes included) to the log, and with
   * {@code echo} the line alone to the terminal.
   */
  void failure(String line, Throwable thrown, boolean echo) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    info(line + System.lineSeparator() + trace.toString().stripTrailing());
    if (echo) {
      progress.println("[" + step + "] " + line);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    writer.close();
  }
}
