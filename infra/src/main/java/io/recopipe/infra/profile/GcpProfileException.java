package io.recopipe.infra.profile;

import io.recopipe.model.error.OperationFailedException;

/**
 * The gcp profile cannot start (no credentials, a client that cannot be created); a failed
 * operation whose one line the CLI prints as is (exit 1).
 */
public final class GcpProfileException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  /** A refusal with a one-line message. */
  public GcpProfileException(String message) {
    super(message);
  }
}
