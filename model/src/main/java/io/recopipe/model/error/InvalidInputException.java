package io.recopipe.model.error;

/**
 * The bad-input branch: the user gave a value, option, file or config that cannot be used, and the
 * one-line message names it; the CLI exits 2. An {@link IllegalArgumentException} so that callers
 * and tests that expect one keep working, while a plain {@code IllegalArgumentException} now means
 * a bug.
 */
public class InvalidInputException extends IllegalArgumentException implements RecopipeFailure {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message naming what was wrong and where. */
  public InvalidInputException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public final FailureKind failureKind() {
    return FailureKind.BAD_INPUT;
  }
}
