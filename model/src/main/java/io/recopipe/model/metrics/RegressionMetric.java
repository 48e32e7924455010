package io.recopipe.model.metrics;

/**
 * One explicit-feedback error metric, one class per metric as in LensKit, so that ML.EVALUATE's
 * columns can be computed, tested and documented one at a time while {@link RegressionEvaluator}
 * still reads the data only once.
 *
 * <p>A metric is a function of a {@link ResidualSummary}; {@link #compute} builds that summary for
 * a single call.
 */
public interface RegressionMetric {

  /** Returns the column name, as in BigQuery ML's ML.EVALUATE output (e.g. {@code r2_score}). */
  String name();

  /** Returns the metric's value from a summary of the residuals. */
  double value(ResidualSummary summary);

  /**
   * Computes the metric over the first {@code n} pairs, predictions used as given (no clipping).
   *
   * @throws IllegalArgumentException when {@code n} is 0, negative or longer than either array
   */
  default double compute(float[] actual, float[] predicted, int n) {
    return value(ResidualSummary.of(actual, predicted, n));
  }
}
