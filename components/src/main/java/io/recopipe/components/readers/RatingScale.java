package io.recopipe.components.readers;

import io.recopipe.model.error.InvalidInputException;

/**
 * The closed range ratings must fall in, declared per format (1..5 for MovieLens 100K and 1M,
 * 0.5..5 for the half-star releases), so that a corrupted or mis-mapped column is caught at read
 * time instead of silently skewing a model.
 *
 * @param min the smallest valid rating
 * @param max the largest valid rating
 */
public record RatingScale(float min, float max) {
  /** Whole stars, as MovieLens 100K and 1M. */
  public static final RatingScale ONE_TO_FIVE = new RatingScale(1f, 5f);

  /** Half stars, as MovieLens 10M, 20M, 25M and latest. */
  public static final RatingScale HALF_TO_FIVE = new RatingScale(0.5f, 5f);

  /** Any finite rating, the default of the generic reader (BigQuery ML declares no scale). */
  public static final RatingScale ANY_FINITE = new RatingScale(-Float.MAX_VALUE, Float.MAX_VALUE);

  /** Validates the bounds. */
  public RatingScale {
    if (Float.isNaN(min) || Float.isNaN(max) || min > max) {
      throw new InvalidInputException("rating scale needs min <= max, got " + min + ".." + max);
    }
  }

  /** Returns whether {@code rating} is a number inside the scale. */
  public boolean contains(float rating) {
    return rating >= min && rating <= max;
  }

  /** Renders as {@code 1..5} or {@code 0.5..5}; the unbounded scale as a phrase. */
  @Override
  public String toString() {
    if (this.equals(ANY_FINITE)) {
      return "any finite number";
    }
    return format(min) + ".." + format(max);
  }

  /** The bound as a phrase after "a rating": {@code in 1..5}, {@code <= 5} or {@code >= 1}. */
  public String requirement() {
    if (min == -Float.MAX_VALUE && max != Float.MAX_VALUE) {
      return "<= " + format(max);
    }
    if (max == Float.MAX_VALUE && min != -Float.MAX_VALUE) {
      return ">= " + format(min);
    }
    return "in " + this;
  }

  static String format(float value) {
    return value == Math.rint(value) && Math.abs(value) < 1e9f
        ? Long.toString((long) value)
        : Float.toString(value);
  }
}
