package io.recopipe.model.metrics;

/**
 * {@code explained_variance}: 1 − Var(y − ŷ)/Var(y) (population variances), which unlike {@code
 * r2_score} ignores a constant bias in the predictions, so comparing the two shows whether a model
 * is off by a systematic offset (e.g. a stale global intercept).
 *
 * <p>Constant actuals (Var(y) = 0) follow scikit-learn: 1.0 when Var(y − ŷ) is 0 as well (every
 * prediction off by the same amount, exact included), else 0.0.
 */
public final class ExplainedVariance implements RegressionMetric {
  /** The ML.EVALUATE column name. */
  public static final String NAME = "explained_variance";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double value(ResidualSummary summary) {
    return VarianceRatio.oneMinus(
        summary.centredResidualSumOfSquares(), summary.totalSumOfSquares());
  }

  @Override
  public String toString() {
    return NAME;
  }
}
