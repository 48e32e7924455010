package io.recopipe.pipeline.web;

import io.recopipe.model.error.FailureKind;
import io.recopipe.model.error.RecopipeFailure;
import io.recopipe.pipeline.review.ReviewException;

/**
 * A request the page refuses with an HTTP status and a one-line message the reviewer can act on;
 * the server renders it as a small error page, never a stack trace.
 */
public final class WebException extends RuntimeException implements RecopipeFailure {
  private static final long serialVersionUID = 1L;

  /** The message of a refused CSRF check. */
  public static final String CSRF = "missing or wrong CSRF token; reload the page and try again";

  private final int status;

  /** A refusal with {@code status} and one-line {@code message}. */
  public WebException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status of a review action's refusal. */
  public static WebException of(ReviewException e) {
    return new WebException(status(e.kind()), e.getMessage());
  }

  /** The HTTP status for {@code kind}. */
  public static int status(ReviewException.Kind kind) {
    return switch (kind) {
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case INVALID -> 400;
    };
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  @Override
  public FailureKind failureKind() {
    return FailureKind.ofHttpStatus(status);
  }
}
