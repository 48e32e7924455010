package io.recopipe.components.deploy;

import io.recopipe.model.error.FailureKind;
import io.recopipe.model.error.RecopipeFailure;

/**
 * A deploy check that failed (not ready, wrong scores, handover refused), carrying the one-line
 * reason that becomes the rolled-back revision's reason and the run's failure.
 */
final class CheckFailedException extends Exception implements RecopipeFailure {
  private static final long serialVersionUID = 1L;
  private final boolean previousStopped;

  CheckFailedException(String reason) {
    this(reason, false);
  }

  /** A failure during the handover; {@code previousStopped} when the old revision is gone. */
  CheckFailedException(String reason, boolean previousStopped) {
    super(reason);
    this.previousStopped = previousStopped;
  }

  /** Whether the previous revision was already stopped when the check failed. */
  boolean previousStopped() {
    return previousStopped;
  }

  @Override
  public final FailureKind failureKind() {
    return FailureKind.FAILED;
  }
}
