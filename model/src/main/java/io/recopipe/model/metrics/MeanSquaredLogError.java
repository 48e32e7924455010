package io.recopipe.model.metrics;

/**
 * {@code mean_squared_log_error}: mean (log1p(y) − log1p(ŷ))², as scikit-learn defines it, which
 * weighs an error on a low rating more than the same error on a high one.
 *
 * <p>Predictions below 0 are clamped to 0 for this metric only (log1p is undefined below −1, and a
 * client clamps to the rating scale anyway); a negative actual value makes the metric NaN. See
 * {@link ResidualSummary}.
 */
public final class MeanSquaredLogError implements RegressionMetric {
  /** The ML.EVALUATE column name. */
  public static final String NAME = "mean_squared_log_error";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double value(ResidualSummary summary) {
    return summary.meanSquaredLogError();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
