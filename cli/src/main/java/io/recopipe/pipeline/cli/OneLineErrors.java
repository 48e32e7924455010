package io.recopipe.pipeline.cli;

import io.recopipe.model.error.FailureKind;
import io.recopipe.model.error.RecopipeFailure;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ConcurrentModificationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr, never a stack trace: users act on a message that names
 * the file, line and field, and {@code RECOPIPE_DEBUG=1} brings the trace back for developers. The
 * exit code comes from the exception's type ({@link RecopipeFailure#failureKind()}), so a bug is
 * never mistaken for bad input.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    FailureKind kind = kindOf(cause);
    String line = message(cause, kind).replace('\n', ' ');
    cli.getErr().println("recopipe: " + kind.label() + ": " + line);
    if (kind != FailureKind.REFUSED && "1".equals(System.getenv("RECOPIPE_DEBUG"))) {
      e.printStackTrace(cli.getErr());
    }
    return kind.exitCode();
  }

  /**
   * The kind of {@code e}: its own when it is one of recopipe's failures; bad input for a missing
   * or already existing file the user named; a bug for the JDK's programming-error exceptions (a
   * plain {@code IllegalArgumentException} included); otherwise a failed operation.
   */
  static FailureKind kindOf(Throwable e) {
    if (e instanceof RecopipeFailure failure) {
      return failure.failureKind();
    }
    if (e instanceof FileNotFoundException
        || e instanceof NoSuchFileException
        || e instanceof FileAlreadyExistsException) {
      return FailureKind.BAD_INPUT;
    }
    return isProgrammingError(e) ? FailureKind.INTERNAL : FailureKind.FAILED;
  }

  private static boolean isProgrammingError(Throwable e) {
    return e instanceof IllegalArgumentException
        || e instanceof IllegalStateException
        || e instanceof NullPointerException
        || e instanceof ClassCastException
        || e instanceof IndexOutOfBoundsException
        || e instanceof UnsupportedOperationException
        || e instanceof ArithmeticException
        || e instanceof ArrayStoreException
        || e instanceof NegativeArraySizeException
        || e instanceof ConcurrentModificationException;
  }

  private static String message(Throwable e, FailureKind kind) {
    if (kind == FailureKind.INTERNAL) {
      return e + " (a bug in recopipe; RECOPIPE_DEBUG=1 shows the stack trace)";
    }
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
