package io.recopipe.model.metrics;

/**
 * {@code root_mean_squared_error}: √MSE, not an ML.EVALUATE column but the number recommender
 * papers and the MovieLens literature report, in rating units.
 */
public final class RootMeanSquaredError implements RegressionMetric {
  /** The ML.EVALUATE column name. */
  public static final String NAME = "root_mean_squared_error";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double value(ResidualSummary summary) {
    return Math.sqrt(summary.meanSquaredError());
  }

  @Override
  public String toString() {
    return NAME;
  }
}
