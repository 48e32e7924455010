package io.recopipe.model.metrics;

/**
 * {@code median_absolute_error}: the median of |y − ŷ|, robust to the few wild predictions for
 * users with one or two ratings that dominate the mean errors; for an even count it is the mean of
 * the two middle values, as numpy and scikit-learn compute it.
 */
public final class MedianAbsoluteError implements RegressionMetric {
  /** The ML.EVALUATE column name. */
  public static final String NAME = "median_absolute_error";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double value(ResidualSummary summary) {
    return summary.medianAbsoluteError();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
