package io.recopipe.infra.config;

import io.recopipe.model.error.InvalidInputException;

/**
 * A gcp section that is missing fields or has malformed ones; bad input, so the CLI reports it
 * (exit 2) in one line, before any Google API call.
 */
public final class GcpConfigException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** A refusal with a one-line message. */
  public GcpConfigException(String message) {
    super(message);
  }
}
