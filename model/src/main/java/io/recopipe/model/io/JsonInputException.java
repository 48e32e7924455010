package io.recopipe.model.io;

import io.recopipe.model.error.InvalidInputException;

/**
 * Thrown when JSON text is malformed or a value has the wrong type or is missing; bad input ({@link
 * InvalidInputException}), which the CLI reports as such. Parse errors start with {@code line L,
 * column C:} so that a person can open the file at the fault.
 */
public class JsonInputException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message. */
  public JsonInputException(String message) {
    super(message);
  }

  /** Creates the exception with a one-line message and the parser's own exception. */
  public JsonInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
