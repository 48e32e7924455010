package io.recopipe.serving.http;

import io.recopipe.model.error.FailureKind;
import io.recopipe.model.error.RecopipeFailure;

/**
 * A request the server refuses, with the HTTP status and a one-line reason for the client, so that
 * handlers can bail out anywhere and the client still gets {@code {"error": "…"}}.
 */
public final class ApiException extends RuntimeException implements RecopipeFailure {
  private static final long serialVersionUID = 1L;
  private final int status;

  /** Creates the exception; {@code message} is shown to the client as is. */
  public ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  @Override
  public FailureKind failureKind() {
    return FailureKind.ofHttpStatus(status);
  }

  /** A 400 Bad Request. */
  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  /** A 404 Not Found. */
  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }
}
