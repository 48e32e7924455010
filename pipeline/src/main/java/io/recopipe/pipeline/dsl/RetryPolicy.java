package io.recopipe.pipeline.dsl;

import io.recopipe.model.error.InvalidInputException;
import java.time.Duration;

/**
 * How often a step is retried after an unexpected exception (never after a {@code
 * ComponentException}, which is the user's to fix), with exponential backoff so a flaky resource
 * gets time to recover.
 *
 * @param maxAttempts total attempts, at least 1 (1 = no retry)
 * @param initialBackoff the wait before the second attempt
 * @param multiplier each later wait is the previous one times this (at least 1)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier) {
  /** One attempt, no retry. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0);

  /** Validates the policy. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new InvalidInputException("retry maxAttempts must be >= 1, got " + maxAttempts);
    }
    if (initialBackoff == null || initialBackoff.isNegative()) {
      throw new InvalidInputException("retry initialBackoff must be >= 0");
    }
    if (!(multiplier >= 1.0)) {
      throw new InvalidInputException("retry multiplier must be >= 1, got " + multiplier);
    }
  }

  /**
   * Up to {@code maxAttempts} attempts, waiting {@code initialBackoff}, then times {@code
   * multiplier}.
   */
  public static RetryPolicy of(int maxAttempts, Duration initialBackoff, double multiplier) {
    return new RetryPolicy(maxAttempts, initialBackoff, multiplier);
  }

  /** The wait before attempt {@code attempt} (2 = the first retry). */
  public Duration backoffBefore(int attempt) {
    if (attempt <= 1) {
      return Duration.ZERO;
    }
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 2);
    return Duration.ofMillis((long) Math.min(millis, Duration.ofHours(1).toMillis()));
  }
}
