package io.recopipe.model.io;

import io.recopipe.model.io.JsonInputException;

/**
 * Thrown when JSON text is malformed or a value has the wrong type or is missing; an
 * {@link IllegalArgumentException} because it always means bad input, which the CLI reports as
 * such. Parse errors start with {@code line L, column C:} so that a person can open the file at
 * the fault.
 */
public class JsonInputException extends IllegalArgumentException {
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
