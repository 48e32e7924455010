package io.recopipe.components.deploy;

/**
 * A deploy check that failed (not ready, wrong scores, handover refused), carrying the one-line
 * reason that becomes the rolled-back revision's reason and the run's failure.
 */
final class CheckFailedException extends Exception {
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
}
