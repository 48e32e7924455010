package io.recopipe.model.json;

/**
 * Thrown when JSON text is malformed or a value has the wrong type or is missing; an
 * {@link IllegalArgumentException} because it always means bad input, which the CLI reports as
 * such.
 */
public class JsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message. */
  public JsonException(String message) {
    super(message);
  }
}
