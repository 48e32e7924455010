package io.recopipe.model.metrics;

/**
 * {@code r2_score}: 1 − SS_res/SS_tot with SS_res = Σ(y − ŷ)² and SS_tot = Σ(y − ȳ)², the share of
 * the rating variance the model explains, so that a model no better than predicting the mean scores
 * 0 whatever the rating scale.
 *
 * <p>Constant actuals (SS_tot = 0) follow scikit-learn: 1.0 when every prediction is exact, else
 * 0.0. A single row is such a case too; there scikit-learn warns and returns NaN, recopipe applies
 * the same constant-actuals rule so that every column stays a number.
 */
public final class R2Score implements RegressionMetric {
  /** The ML.EVALUATE column name. */
  public static final String NAME = "r2_score";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double value(ResidualSummary summary) {
    return VarianceRatio.oneMinus(summary.residualSumOfSquares(), summary.totalSumOfSquares());
  }

  @Override
  public String toString() {
    return NAME;
  }
}
