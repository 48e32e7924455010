package io.recopipe.pipeline.review;

import io.recopipe.model.error.FailureKind;
import io.recopipe.model.error.RecopipeFailure;

/**
 * A review action that was refused for a reason the user can act on (wrong token, four-eyes,
 * already decided, expired, unknown version); the message is one line and {@link #kind()} maps to
 * an exit code or an HTTP status.
 */
public final class ReviewException extends Exception implements RecopipeFailure {
  private static final long serialVersionUID = 1L;

  /** Why the action was refused. */
  public enum Kind {
    /** No or an unknown/disabled token (HTTP 401). */
    UNAUTHENTICATED,
    /** Authenticated but not allowed, e.g. the four-eyes rule (HTTP 403). */
    FORBIDDEN,
    /** No such version, approval or run (HTTP 404). */
    NOT_FOUND,
    /** The state does not allow it: already decided, expired, nothing to roll back (409). */
    CONFLICT,
    /** Malformed input, e.g. an empty comment (HTTP 400). */
    INVALID
  }

  private final Kind kind;

  /** A refusal of {@code kind} with a one-line {@code message}. */
  public ReviewException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** Why. */
  public Kind kind() {
    return kind;
  }

  @Override
  public final FailureKind failureKind() {
    return FailureKind.REFUSED;
  }
}
