package io.recopipe.model.metrics;

/**
 * {@code mean_absolute_error}: mean |y − ŷ|, the error in rating units that is easiest to explain
 * to a product owner ("off by 0.7 stars on average").
 */
public final class MeanAbsoluteError implements RegressionMetric {
  /** The ML.EVALUATE column name. */
  public static final String NAME = "mean_absolute_error";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double value(ResidualSummary summary) {
    return summary.meanAbsoluteError();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
