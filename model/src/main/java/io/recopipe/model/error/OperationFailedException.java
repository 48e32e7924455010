package io.recopipe.model.error;

/**
 * The failed-operation branch: the input was fine but the work could not be done (a store that
 * cannot be read, a lock held, a run with nothing to resume, a numerical breakdown the message
 * explains); the CLI exits 1. An {@link IllegalStateException} so that existing callers keep
 * catching it, while a plain {@code IllegalStateException} now means a bug.
 */
public class OperationFailedException extends IllegalStateException implements RecopipeFailure {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message naming what failed and why. */
  public OperationFailedException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public OperationFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Wraps {@code cause}, whose own message becomes this one's. */
  public OperationFailedException(Throwable cause) {
    super(cause);
  }

  @Override
  public final FailureKind failureKind() {
    return FailureKind.FAILED;
  }
}
