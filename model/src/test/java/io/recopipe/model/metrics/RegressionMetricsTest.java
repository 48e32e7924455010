package io.recopipe.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each regression metric on hand-computed cases. Expected values were worked out by hand (the
 * arithmetic is in the comments) and cross-checked with numpy 2.4 applying scikit-learn's
 * definitions (scikit-learn itself is not installed here): np.mean(|e|), np.mean(e**2),
 * np.mean((np.log1p(y) - np.log1p(max(p, 0)))**2), np.median(|e|), 1 - SS_res/SS_tot and 1 -
 * np.var(e)/np.var(y) with sklearn's force_finite rule for a zero denominator.
 */
class RegressionMetricsTest {
  private static final double EXACT = 1e-12;

  // actual {3,4,5,2}, predicted {2.5,4,4,3}: residuals e = y - ŷ = {0.5, 0, 1, -1}
  private static final float[] ACTUAL = {3, 4, 5, 2};
  private static final float[] PREDICTED = {2.5f, 4, 4, 3};

  @Test
  void meanAbsoluteError() {
    // |e| = {0.5, 0, 1, 1}: 2.5 / 4 = 0.625
    assertEquals(0.625, new MeanAbsoluteError().compute(ACTUAL, PREDICTED, 4), EXACT);
  }

  @Test
  void meanSquaredError() {
    // e² = {0.25, 0, 1, 1}: 2.25 / 4 = 0.5625
    assertEquals(0.5625, new MeanSquaredError().compute(ACTUAL, PREDICTED, 4), EXACT);
  }

  @Test
  void rootMeanSquaredError() {
    // √0.5625 = 0.75
    assertEquals(0.75, new RootMeanSquaredError().compute(ACTUAL, PREDICTED, 4), EXACT);
  }

  @Test
  void meanSquaredLogError() {
    // (log1p(y) - log1p(ŷ))² = ln(4/3.5)², ln(5/5)² = 0, ln(6/5)², ln(3/4)²
    // mean = 0.0334581894245418
    double expected =
        (Math.pow(Math.log(4 / 3.5), 2)
                + Math.pow(Math.log(6 / 5.0), 2)
                + Math.pow(Math.log(3 / 4.0), 2))
            / 4;
    assertEquals(0.03345818942454182, expected, EXACT); // numpy's value
    assertEquals(expected, new MeanSquaredLogError().compute(ACTUAL, PREDICTED, 4), EXACT);
  }

  @Test
  void medianAbsoluteErrorEvenCountAveragesTheMiddleTwo() {
    // sorted |e| = {0, 0.5, 1, 1}: (0.5 + 1) / 2 = 0.75
    assertEquals(0.75, new MedianAbsoluteError().compute(ACTUAL, PREDICTED, 4), EXACT);
  }

  @Test
  void medianAbsoluteErrorOddCount() {
    // |e| of {1,2,3,4,5} vs {1.5,1.5,3.5,5,4} = {0.5,0.5,0.5,1,1}: middle value 0.5
    float[] actual = {1, 2, 3, 4, 5};
    float[] predicted = {1.5f, 1.5f, 3.5f, 5, 4};
    assertEquals(0.5, new MedianAbsoluteError().compute(actual, predicted, 5), EXACT);
  }

  @Test
  void r2Score() {
    // ȳ = 3.5, SS_tot = 0.25+0.25+2.25+2.25 = 5, SS_res = 2.25: 1 - 2.25/5 = 0.55
    assertEquals(0.55, new R2Score().compute(ACTUAL, PREDICTED, 4), EXACT);
  }

  @Test
  void explainedVariance() {
    // ē = 0.125, Σ(e-ē)² = 0.140625+0.015625+0.765625+1.265625 = 2.1875, Var(e) = 0.546875,
    // Var(y) = 5/4 = 1.25: 1 - 0.546875/1.25 = 0.5625
    assertEquals(0.5625, new ExplainedVariance().compute(ACTUAL, PREDICTED, 4), EXACT);
  }

  @Test
  void onlyTheFirstNPairsCount() {
    float[] actual = {3, 4, 5, 2, 100};
    float[] predicted = {2.5f, 4, 4, 3, -100};
    assertEquals(0.625, new MeanAbsoluteError().compute(actual, predicted, 4), EXACT);
  }

  @Test
  void zeroRowsAreRefusedWithAClearMessage() {
    for (RegressionMetric metric : RegressionEvaluator.metrics()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> metric.compute(new float[0], new float[0], 0));
      assertTrue(e.getMessage().contains("0 rows"), e.getMessage());
    }
  }

  @Test
  void nBeyondTheArraysIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new MeanSquaredError().compute(ACTUAL, new float[2], 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MeanSquaredError().compute(ACTUAL, PREDICTED, -1));
  }

  @Test
  void constantActualsFollowScikitLearn() {
    float[] actual = {3, 3, 3};
    // perfect: SS_res = 0 and Var(e) = 0 -> both 1.0
    float[] exact = {3, 3, 3};
    assertEquals(1.0, new R2Score().compute(actual, exact, 3));
    assertEquals(1.0, new ExplainedVariance().compute(actual, exact, 3));
    // scattered: SS_res = 2, Var(e) = 2/3 -> both 0.0
    float[] scattered = {2, 3, 4};
    assertEquals(0.0, new R2Score().compute(actual, scattered, 3));
    assertEquals(0.0, new ExplainedVariance().compute(actual, scattered, 3));
    // off by a constant 1: SS_res = 3 -> r2 0.0, but Var(e) = 0 -> explained variance 1.0
    float[] offset = {2, 2, 2};
    assertEquals(0.0, new R2Score().compute(actual, offset, 3));
    assertEquals(1.0, new ExplainedVariance().compute(actual, offset, 3));
  }

  @Test
  void singleRowIsAConstantActualsCase() {
    assertEquals(1.0, new R2Score().compute(new float[] {4}, new float[] {4}, 1));
    assertEquals(0.0, new R2Score().compute(new float[] {4}, new float[] {3}, 1));
  }

  @Test
  void negativePredictionIsClampedAtZeroForLogErrorOnly() {
    // actual {1, 2}, predicted {-3, 2}: log1p(max(0, -3)) = 0, so MSLE = (ln 2 - 0)² / 2
    float[] actual = {1, 2};
    float[] predicted = {-3, 2};
    double expected = Math.pow(Math.log(2), 2) / 2; // 0.2402265069591007 (numpy)
    assertEquals(0.2402265069591007, expected, EXACT);
    assertEquals(expected, new MeanSquaredLogError().compute(actual, predicted, 2), EXACT);
    // the other metrics use the raw -3: e = {4, 0}, MSE = 16/2 = 8
    assertEquals(8.0, new MeanSquaredError().compute(actual, predicted, 2), EXACT);
  }

  @Test
  void negativeActualMakesOnlyTheLogErrorNaN() {
    float[] actual = {-1, 2};
    float[] predicted = {0, 2};
    assertTrue(Double.isNaN(new MeanSquaredLogError().compute(actual, predicted, 2)));
    assertEquals(0.5, new MeanAbsoluteError().compute(actual, predicted, 2), EXACT);
  }

  @Test
  void nanPredictionGivesNaNRatherThanAWrongNumber() {
    float[] actual = {1, 2, 3};
    float[] predicted = {1, Float.NaN, 3};
    for (RegressionMetric metric : RegressionEvaluator.metrics()) {
      assertTrue(Double.isNaN(metric.compute(actual, predicted, 3)), metric.name());
    }
  }

  @Test
  void namesAreTheMlEvaluateColumns() {
    assertEquals(
        List.of(
            "mean_absolute_error",
            "mean_squared_error",
            "mean_squared_log_error",
            "median_absolute_error",
            "r2_score",
            "explained_variance",
            "root_mean_squared_error"),
        RegressionEvaluator.metrics().stream().map(RegressionMetric::name).toList());
  }
}
