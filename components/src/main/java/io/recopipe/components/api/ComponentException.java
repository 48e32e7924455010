package io.recopipe.components.api;

import io.recopipe.model.error.FailureKind;
import io.recopipe.model.error.RecopipeFailure;

/**
 * A step failure a user can act on (bad data, a bad parameter, a missing file): the runner records
 * its one-line message as the run's failure and never retries it, unlike unexpected exceptions.
 */
public class ComponentException extends Exception implements RecopipeFailure {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message naming what was wrong and where. */
  public ComponentException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public ComponentException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public FailureKind failureKind() {
    return FailureKind.FAILED;
  }
}
