package io.recopipe.components.dataset;

import io.recopipe.model.data.Ratings;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.OptionalDouble;

/**
 * Finds the grid the ratings lie on, the {@code step} schema.json records: 1 for whole stars, 0.5
 * for half stars, 10 for 0, 10, …, 100; none for continuous values (weights, averages) so that
 * nobody rounds a prediction to a grid the data does not have.
 */
final class RatingGrid {
  /** More distinct ratings than this count as continuous. */
  static final int MAX_DISTINCT = 10_000;

  /** Ratings with more decimals than this count as continuous. */
  static final int MAX_DECIMALS = 6;

  /** A grid with more points than this many per distinct rating is too fine to be one. */
  static final int MAX_POINTS_PER_VALUE = 100;

  private RatingGrid() {}

  /**
   * The largest step {@code s} such that every rating is {@code min + k·s} for an integer {@code
   * k}, computed on the shortest decimal form of each (float) rating; empty when the ratings are
   * continuous (more than {@value #MAX_DISTINCT} distinct values, more than {@value #MAX_DECIMALS}
   * decimals, or a grid over {@value #MAX_POINTS_PER_VALUE} times finer than the distinct values
   * need, as three-decimal scores between 0 and 100 are) or all equal.
   */
  static OptionalDouble step(Ratings ratings) {
    float[] distinct = RatingCounts.distinct(ratings, MAX_DISTINCT).orElse(null);
    if (distinct == null || distinct.length < 2) {
      return OptionalDouble.empty();
    }
    int scale = 0;
    BigDecimal[] values = new BigDecimal[distinct.length];
    int count = 0;
    for (float rating : distinct) {
      BigDecimal value = new BigDecimal(Float.toString(rating)).stripTrailingZeros();
      scale = Math.max(scale, value.scale());
      values[count++] = value;
    }
    if (scale > MAX_DECIMALS) {
      return OptionalDouble.empty();
    }
    BigInteger first = values[0].movePointRight(scale).toBigInteger();
    BigInteger low = first;
    BigInteger high = first;
    BigInteger gcd = BigInteger.ZERO;
    for (BigDecimal value : values) {
      BigInteger scaled = value.movePointRight(scale).toBigInteger();
      gcd = gcd.gcd(scaled.subtract(first));
      low = low.min(scaled);
      high = high.max(scaled);
    }
    BigInteger points = high.subtract(low).divide(gcd).add(BigInteger.ONE);
    if (points.compareTo(BigInteger.valueOf((long) MAX_POINTS_PER_VALUE * values.length)) > 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(new BigDecimal(gcd).movePointLeft(scale).doubleValue());
  }
}
