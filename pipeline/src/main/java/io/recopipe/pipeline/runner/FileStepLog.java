package io.recopipe.pipeline.runner;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.components.api.StepLog;
import io.recopipe.logging.CloudLoggingEncoder;
import io.recopipe.logging.LogSetup;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A step's log written to a file that becomes the execution's {@code log} artifact (so logs outlive
 * the process), with progress lines echoed to the user's terminal as well. The file holds one JSON
 * line per entry in the logging module's Cloud Logging format, like a run's own log; a failure's
 * stack trace is kept there, where the terminal shows only its one-line message (and the trace too
 * under {@code RECOPIPE_DEBUG=1}).
 */
public final class FileStepLog implements StepLog, AutoCloseable {
  /** The log file's name inside the log artifact. */
  public static final String FILE = "step.log";

  private static final boolean DEBUG = "1".equals(System.getenv(LogSetup.DEBUG_ENV));

  private final String step;
  private final String logger;
  private final PrintStream progress;
  private final OutputStream file;
  private final CloudLoggingEncoder encoder = new CloudLoggingEncoder();

  FileStepLog(Path directory, String step, PrintStream progress) throws IOException {
    this.step = step;
    this.logger = "io.recopipe.step." + step;
    this.progress = progress;
    this.file = Files.newOutputStream(directory.resolve(FILE));
  }

  @Override
  public void info(String line) {
    write(Level.INFO, line, null);
  }

  @Override
  public void progress(String line) {
    info(line);
    progress.println("[" + step + "] " + line);
  }

  /**
   * Writes {@code line} and {@code thrown}'s stack trace (causes included) to the log, and with
   * {@code echo} the line alone to the terminal, or the trace as well under RECOPIPE_DEBUG=1.
   */
  void failure(String line, Throwable thrown, boolean echo) {
    write(Level.ERROR, line, thrown);
    if (echo) {
      progress.println("[" + step + "] " + line);
      if (DEBUG) {
        thrown.printStackTrace(progress);
      }
    }
  }

  private synchronized void write(Level level, String line, Throwable thrown) {
    try {
      file.write(encoder.encode(level, logger, System.currentTimeMillis(), line, thrown));
      file.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the log of step " + step, e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    file.close();
  }

  /**
   * The log {@code file} as people read it: each entry as {@code TIME MESSAGE}, a stack trace on
   * the lines after it; a line that is not a log entry (a log written before entries were JSON) as
   * is.
   */
  public static String text(Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      text.append(entry(line)).append(System.lineSeparator());
    }
    return text.toString();
  }

  private static String entry(String line) {
    JsonNode entry;
    try {
      entry = Json.parse(line);
    } catch (JsonInputException e) {
      return line;
    }
    if (!entry.isObject() || !entry.path("message").isTextual()) {
      return line;
    }
    String text = entry.path("time").asText() + " " + entry.path("message").asText();
    JsonNode trace = entry.path(CloudLoggingEncoder.EXCEPTION);
    return trace.isTextual()
        ? text + System.lineSeparator() + trace.asText().stripTrailing()
        : text;
  }
}
