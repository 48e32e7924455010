package io.recopipe.components.api;

import io.recopipe.model.error.FailureKind;

/**
 * A step failed because the user's input data is malformed (a bad row, an undetectable column, a
 * missing or unreadable file), not because of the pipeline or its environment: the CLI exits with
 * its bad-input code and the message already names the file, line and column to fix.
 */
public class BadInputException extends ComponentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message naming what was wrong and where. */
  public BadInputException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public final FailureKind failureKind() {
    return FailureKind.BAD_INPUT;
  }
}
