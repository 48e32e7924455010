package io.recopipe.pipeline.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr, never a stack trace: users act on a message that names
 * the file, line and field, and {@code RECOPIPE_DEBUG=1} brings the trace back for developers.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof io.recopipe.pipeline.review.ReviewException refused) {
      cli.getErr().println("recopipe: refused: " + message(refused).replace('\n', ' '));
      return ExitCodes.REFUSED;
    }
    cli.getErr().println("recopipe: error: " + message(cause).replace('\n', ' '));
    if ("1".equals(System.getenv("RECOPIPE_DEBUG"))) {
      e.printStackTrace(cli.getErr());
    }
    return isBadInput(cause) ? ExitCodes.BAD_INPUT : ExitCodes.FAILED;
  }

  /** Bad input is anything the user can fix: a file, a path, an option, a format. */
  static boolean isBadInput(Throwable e) {
    return e instanceof IllegalArgumentException
        || e instanceof FileNotFoundException
        || e instanceof NoSuchFileException
        || e instanceof FileAlreadyExistsException
        || e instanceof io.recopipe.components.warehouse.WarehouseException
        || e instanceof io.recopipe.pipeline.config.ConfigException
        || e instanceof io.recopipe.components.api.BadInputException
        || e.getClass().getSimpleName().endsWith("FormatException");
  }

  private static String message(Throwable e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof NoSuchFileException) {
      return "no such file: " + text;
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists: " + text + " (pass --overwrite to replace it)";
    }
    return text;
  }
}
