package io.recopipe.pipeline.cli;

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
    boolean badInput = e instanceof IllegalArgumentException
        || e instanceof java.io.FileNotFoundException
        || e instanceof java.nio.file.NoSuchFileException
        || e instanceof java.io.UncheckedIOException u && u.getCause() instanceof java.nio.file.NoSuchFileException
        || e.getClass().getSimpleName().endsWith("FormatException");
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) {
      message = "no such file: " + message;
    }
    cli.getErr().println("recopipe: error: " + message.replace('\n', ' '));
    if ("1".equals(System.getenv("RECOPIPE_DEBUG"))) {
      e.printStackTrace(cli.getErr());
    }
    return badInput ? ExitCodes.BAD_INPUT : ExitCodes.FAILED;
  }
}
