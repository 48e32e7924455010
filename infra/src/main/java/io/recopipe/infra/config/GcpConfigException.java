package io.recopipe.infra.config;

/**
 * A gcp section that is missing fields or has malformed ones; an IllegalArgumentException so the
 * CLI reports it as bad input (exit 2) in one line, before any Google API call.
 */
public final class GcpConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A refusal with a one-line message. */
  public GcpConfigException(String message) {
    super(message);
  }
}
