package io.recopipe.components.api;

/**
 * A deploy that failed a check after which the previous revision was kept serving: the runner ends
 * the run ROLLED_BACK (not FAILED), since production was protected, and records the reason.
 */
public class RolledBackException extends ComponentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line reason (which check failed and how). */
  public RolledBackException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public RolledBackException(String message, Throwable cause) {
    super(message, cause);
  }
}
