package io.recopipe.pipeline.schedule;

import io.recopipe.model.error.InvalidInputException;

/**
 * A schedule command the user can fix (a bad field, an unknown or duplicate name); bad input, so
 * the CLI reports it in one line with exit code 2.
 */
public final class ScheduleException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** An error with a one-line {@code message}. */
  public ScheduleException(String message) {
    super(message);
  }
}
