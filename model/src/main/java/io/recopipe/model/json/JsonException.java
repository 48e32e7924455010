package io.recopipe.model.json;

import io.recopipe.model.error.InvalidInputException;

/**
 * Thrown when JSON text is malformed or a value has the wrong type or is missing; bad input,
 * which the CLI reports as such.
 */
public class JsonException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message. */
  public JsonException(String message) {
    super(message);
  }
}
