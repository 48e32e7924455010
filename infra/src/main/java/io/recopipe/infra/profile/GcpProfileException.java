package io.recopipe.infra.profile;

/**
 * The gcp profile cannot start (no credentials, a client that cannot be created); a one-line
 * IllegalStateException the CLI prints as is.
 */
public final class GcpProfileException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** A refusal with a one-line message. */
  public GcpProfileException(String message) {
    super(message);
  }
}
