package io.recopipe.model.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import io.recopipe.model.mf.MfModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evaluator: column order, clipping on and off, and evaluating a model on test triples with
 * cold-start rows. Expected numbers were computed by hand (arithmetic in comments) and
 * cross-checked with numpy 2.4 using scikit-learn's definitions.
 */
class RegressionEvaluatorTest {
  private static final double EXACT = 1e-12;

  // actual {5,1,3,4,2}; predicted {5.75, 0.25, 3.5, 4, 2.5}: two predictions outside 1..5
  private static final float[] ACTUAL = {5, 1, 3, 4, 2};
  private static final float[] PREDICTED = {5.75f, 0.25f, 3.5f, 4, 2.5f};

  @Test
  void columnsComeInMlEvaluateOrder() {
    RegressionEvaluation evaluation = RegressionEvaluator.create().evaluate(ACTUAL, PREDICTED, 5);
    assertEquals(
        List.of(
            "mean_absolute_error",
            "mean_squared_error",
            "mean_squared_log_error",
            "median_absolute_error",
            "r2_score",
            "explained_variance",
            "root_mean_squared_error"),
        List.copyOf(evaluation.asMap().keySet()));
    assertEquals(5, evaluation.rows());
    assertThrows(IllegalArgumentException.class, () -> evaluation.get("recall"));
  }

  @Test
  void clipsToTheRatingScaleByDefault() {
    // clipped predictions {5, 1, 3.5, 4, 2.5}: e = {0, 0, -0.5, 0, -0.5}
    // MAE 1/5 = 0.2; MSE 0.5/5 = 0.1; median |e| of {0,0,0,0.5,0.5} = 0
    // ȳ = 3, SS_tot = 4+4+0+1+1 = 10: r2 = 1 - 0.5/10 = 0.95
    // ē = -0.2, Σ(e-ē)² = 3·0.04 + 2·0.09 = 0.3: EV = 1 - (0.3/5)/(10/5) = 0.97
    // MSLE 0.007527055115927763 (numpy)
    RegressionEvaluation clipped = RegressionEvaluator.create().evaluate(ACTUAL, PREDICTED, 5);
    assertEquals(0.2, clipped.get(MeanAbsoluteError.NAME), EXACT);
    assertEquals(0.1, clipped.get(MeanSquaredError.NAME), EXACT);
    assertEquals(Math.sqrt(0.1), clipped.get(RootMeanSquaredError.NAME), EXACT);
    assertEquals(0.007527055115927763, clipped.get(MeanSquaredLogError.NAME), EXACT);
    assertEquals(0.0, clipped.get(MedianAbsoluteError.NAME), EXACT);
    assertEquals(0.95, clipped.get(R2Score.NAME), EXACT);
    assertEquals(0.97, clipped.get(ExplainedVariance.NAME), EXACT);
    assertEquals(2, clipped.clippedRows());
    assertArrayEquals(new float[] {5.75f, 0.25f, 3.5f, 4, 2.5f}, PREDICTED, "input untouched");
  }

  @Test
  void unclippedUsesRawPredictions() {
    // e = {-0.75, 0.75, -0.5, 0, -0.5}
    // MAE 2.5/5 = 0.5; MSE (2·0.5625 + 2·0.25)/5 = 0.325; median of {0,.5,.5,.75,.75} = 0.5
    // r2 = 1 - 1.625/10 = 0.8375
    // ē = -0.2, Σ(e-ē)² = 0.3025+0.9025+0.09+0.04+0.09 = 1.425: EV = 1 - 0.285/2 = 0.8575
    // MSLE 0.05448230611444691 (numpy)
    RegressionEvaluation raw =
        RegressionEvaluator.create().unclipped().evaluate(ACTUAL, PREDICTED, 5);
    assertEquals(0.5, raw.get(MeanAbsoluteError.NAME), EXACT);
    assertEquals(0.325, raw.get(MeanSquaredError.NAME), EXACT);
    assertEquals(0.05448230611444691, raw.get(MeanSquaredLogError.NAME), EXACT);
    assertEquals(0.5, raw.get(MedianAbsoluteError.NAME), EXACT);
    assertEquals(0.8375, raw.get(R2Score.NAME), EXACT);
    assertEquals(0.8575, raw.get(ExplainedVariance.NAME), EXACT);
    assertEquals(0, raw.clippedRows());
  }

  @Test
  void clipToAnotherScaleChangesTheResult() {
    // scale 0..5 keeps 0.25: e = {0, 0.75, -0.5, 0, -0.5}, MAE = 1.75/5 = 0.35
    RegressionEvaluation evaluation =
        RegressionEvaluator.create().clipTo(0, 5).evaluate(ACTUAL, PREDICTED, 5);
    assertEquals(0.35, evaluation.get(MeanAbsoluteError.NAME), EXACT);
    assertEquals(1, evaluation.clippedRows());
    assertNotEquals(
        evaluation.get(MeanAbsoluteError.NAME),
        RegressionEvaluator.create().evaluate(ACTUAL, PREDICTED, 5).get(MeanAbsoluteError.NAME));
  }

  @Test
  void evaluatorValuesEqualEachMetricComputedAlone() {
    RegressionEvaluation raw =
        RegressionEvaluator.create().unclipped().evaluate(ACTUAL, PREDICTED, 5);
    for (RegressionMetric metric : RegressionEvaluator.metrics()) {
      assertEquals(metric.compute(ACTUAL, PREDICTED, 5), raw.get(metric.name()), metric.name());
    }
  }

  @Test
  void badRangesAndEmptyInputAreRefused() {
    RegressionEvaluator evaluator = RegressionEvaluator.create();
    assertThrows(IllegalArgumentException.class, () -> evaluator.clipTo(5, 1));
    assertThrows(IllegalArgumentException.class, () -> evaluator.clipTo(Float.NaN, 5));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> evaluator.evaluate(new float[0], new float[0], 0));
    assertTrue(e.getMessage().contains("0 rows"), e.getMessage());
  }

  /**
   * global 3; user intercepts u1 0.5, u2 -0.5; item intercepts i1 0.25, i2 -0.25; factors u1 (1,0),
   * u2 (0,1), i1 (1,1), i2 (0.5,-0.5).
   */
  private static MfModel smallModel() {
    return new MfModel(
        IdDictionary.of(List.of("u1", "u2")),
        IdDictionary.of(List.of("i1", "i2")),
        2,
        3f,
        new float[] {1, 0, 0, 1},
        new float[] {0.5f, -0.5f},
        new float[] {1, 1, 0.5f, -0.5f},
        new float[] {0.25f, -0.25f});
  }

  // predictions: u1·i1 = 3+0.5+0.25+1 = 4.75; u2·i2 = 3-0.5-0.25-0.5 = 1.75;
  // cold start: u9·i1 = 3+0.25 = 3.25; u1·i9 = 3+0.5 = 3.5; u9·i9 = 3
  private static final String[] USERS = {"u1", "u2", "u9", "u1", "u9"};
  private static final String[] ITEMS = {"i1", "i2", "i1", "i9", "i9"};
  private static final float[] RATINGS = {5, 2, 3, 4, 3};

  @Test
  void evaluatesAModelOnTriplesCountingColdStartRows() {
    // e = {0.25, 0.25, -0.25, 0.5, 0}: MAE 1.25/5 = 0.25, MSE (3·0.0625 + 0.25)/5 = 0.0875
    RegressionEvaluation evaluation =
        RegressionEvaluator.create().evaluate(smallModel(), USERS, ITEMS, RATINGS);
    assertEquals(0.25, evaluation.get(MeanAbsoluteError.NAME), EXACT);
    assertEquals(0.0875, evaluation.get(MeanSquaredError.NAME), EXACT);
    assertEquals(5, evaluation.rows());
    assertEquals(2, evaluation.unknownUserRows());
    assertEquals(2, evaluation.unknownItemRows());
    assertEquals(3, evaluation.coldStartRows());
    assertEquals(0, evaluation.clippedRows());
  }

  @Test
  void evaluatesAModelOnARatingsSetTheSameWay() {
    RatingsBuilder builder = new RatingsBuilder();
    for (int r = 0; r < RATINGS.length; r++) {
      builder.add(USERS[r], ITEMS[r], RATINGS[r], 0);
    }
    Ratings test = builder.build();
    RegressionEvaluation fromRatings = RegressionEvaluator.create().evaluate(smallModel(), test);
    RegressionEvaluation fromTriples =
        RegressionEvaluator.create().evaluate(smallModel(), USERS, ITEMS, RATINGS);
    assertEquals(fromTriples.asMap(), fromRatings.asMap());
    assertEquals(3, fromRatings.coldStartRows());
    assertEquals(2, fromRatings.unknownUserRows());
    assertEquals(2, fromRatings.unknownItemRows());
  }

  @Test
  void mismatchedTriplesAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RegressionEvaluator.create()
                .evaluate(smallModel(), new String[] {"u1"}, new String[0], new float[] {3}));
  }
}
