package io.recopipe.model.data;

import io.recopipe.model.error.InvalidInputException;

/**
 * The lowest and highest rating of a data set as ingest found them: the scale a model trained on it
 * predicts, so evaluation, batch recommendations and serving all clamp predictions into the same
 * range instead of each re-deriving one (or assuming MovieLens' 1..5).
 *
 * @param min the lowest rating
 * @param max the highest rating
 */
public record RatingRange(float min, float max) {

  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException when a bound is not finite or {@code min > max}
   */
  public RatingRange {
    if (!Float.isFinite(min) || !Float.isFinite(max) || min > max) {
      throw new InvalidInputException(
          "a rating range needs finite bounds with min <= max, was [" + min + ", " + max + "]");
    }
  }

  /**
   * The range of the ratings in {@code ratings}.
   *
   * @throws IllegalArgumentException when {@code ratings} is empty or holds a non-finite rating
   */
  public static RatingRange of(Ratings ratings) {
    if (ratings.size() == 0) {
      throw new InvalidInputException("an empty set of ratings has no rating range");
    }
    // plain comparisons are several times faster than Math.min/max over 20 million ratings; they
    // differ only on NaN and on the sign of a zero bound, which the exact loop settles
    float low = Float.POSITIVE_INFINITY;
    float high = Float.NEGATIVE_INFINITY;
    boolean nan = false;
    for (int n = 0; n < ratings.size(); n++) {
      float rating = ratings.rating(n);
      low = rating < low ? rating : low;
      high = rating > high ? rating : high;
      nan |= Float.isNaN(rating);
    }
    if (nan || low == 0 || high == 0) {
      low = Float.POSITIVE_INFINITY;
      high = Float.NEGATIVE_INFINITY;
      for (int n = 0; n < ratings.size(); n++) {
        float rating = ratings.rating(n);
        low = Math.min(low, rating);
        high = Math.max(high, rating);
      }
    }
    return new RatingRange(low, high);
  }

  /** {@code value} clamped into the range; NaN stays NaN so a broken model stays visible. */
  public float clamp(float value) {
    return value < min ? min : value > max ? max : value;
  }

  /** Whether {@code value} lies in the range. */
  public boolean contains(float value) {
    return value >= min && value <= max;
  }

  /**
   * {@code value} as the double with the same shortest decimal form ({@code 0.1f} becomes {@code
   * 0.1}, not {@code 0.10000000149011612}), for JSON that people read; casting that double back to
   * float gives {@code value} again.
   */
  public static double decimal(float value) {
    return Double.parseDouble(Float.toString(value));
  }

  @Override
  public String toString() {
    return "[" + Float.toString(min) + ", " + Float.toString(max) + "]";
  }
}
