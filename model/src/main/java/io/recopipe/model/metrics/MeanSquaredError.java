package io.recopipe.model.metrics;

/**
 * {@code mean_squared_error}: mean (y − ŷ)², the quantity explicit ALS minimizes and the only
 * hyperparameter-tuning objective BigQuery ML accepts for explicit models, so it is the one to gate
 * a deployment on.
 */
public final class MeanSquaredError implements RegressionMetric {
  /** The ML.EVALUATE column name. */
  public static final String NAME = "mean_squared_error";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double value(ResidualSummary summary) {
    return summary.meanSquaredError();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
