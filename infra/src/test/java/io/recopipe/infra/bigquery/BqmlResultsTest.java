package io.recopipe.infra.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.weights.FactorWeight;
import io.recopipe.model.weights.WeightsRow;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BqmlResultsTest {
  private static final List<String> INFO =
      List.of("training_run", "iteration", "loss", "eval_loss", "learning_rate", "duration_ms");

  @Test
  void keepsOnlyTheLastTrainingRunInIterationOrder() {
    QueryResult result =
        new QueryResult(
            INFO,
            List.of(
                Arrays.asList(0L, 0L, 9.0, null, null, 10L),
                Arrays.asList(1L, 1L, 0.5, 0.75, null, 30L),
                Arrays.asList(1L, 0L, 2.0, 2.5, null, 20L)));
    assertEquals(
        List.of(
            new TrainingIteration(0, 2.0, 2.5, Double.NaN, 20),
            new TrainingIteration(1, 0.5, 0.75, Double.NaN, 30)),
        BqmlResults.trainingInfo(result));
  }

  @Test
  void anEmptyTrainingInfoIsAnError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BqmlResults.trainingInfo(new QueryResult(INFO, List.of())));
    assertEquals("ML.TRAINING_INFO returned no iterations", e.getMessage());
  }

  @Test
  void evaluationKeepsNumericMetricsButNotTheTrialId() {
    QueryResult result =
        new QueryResult(
            List.of("trial_id", "mean_squared_error", "r2_score", "recall"),
            List.of(Arrays.asList(3L, 0.8, 0.25, null)));
    assertEquals(
        Map.of("mean_squared_error", 0.8, "r2_score", 0.25), BqmlResults.evaluation(result));
  }

  @Test
  void weightsReadTheGlobalRowWithNullInputAndFactors() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("factor", 1L);
    first.put("weight", -0.5);
    QueryResult result =
        new QueryResult(
            List.of("processed_input", "feature", "factor_weights", "intercept"),
            List.of(
                Arrays.asList("user_id", "42", List.of(first), 0.25),
                Arrays.asList(null, "global__intercept__", null, 3.5)));
    assertEquals(
        List.of(
            new WeightsRow("user_id", "42", List.of(new FactorWeight(1, -0.5)), 0.25),
            WeightsRow.globalIntercept(3.5)),
        BqmlResults.weights(result));
  }

  @Test
  void theGlobalRowIsMatchedInAnyCaseAsBigQueryWritesIt() {
    for (String spelling : List.of("global__INTERCEPT__", "GLOBAL__INTERCEPT__")) {
      QueryResult result =
          new QueryResult(
              List.of("processed_input", "feature", "factor_weights", "intercept"),
              List.of(Arrays.asList(null, spelling, null, 3.5)));
      assertEquals(List.of(WeightsRow.globalIntercept(3.5)), BqmlResults.weights(result), spelling);
    }
  }

  @Test
  void aUserOrItemNamedLikeTheGlobalRowStaysAnId() {
    QueryResult result =
        new QueryResult(
            List.of("processed_input", "feature", "factor_weights", "intercept"),
            List.of(Arrays.asList("item_id", "global__INTERCEPT__", List.of(), 0.5)));
    assertEquals("global__INTERCEPT__", BqmlResults.weights(result).get(0).feature());
  }
}
