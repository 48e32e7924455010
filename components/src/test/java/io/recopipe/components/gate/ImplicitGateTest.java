package io.recopipe.components.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.evaluate.MetricsReport;
import io.recopipe.components.evaluate.ModelScores;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.components.steps.TestContext;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImplicitGateTest {
  @TempDir Path tmp;

  @Test
  void gatesAnImplicitCandidateOnItsRankingColumns() throws Exception {
    ObjectNode decision =
        gate(
            report(0.20, 0.08, 0.19),
            "map_min",
            "0.1",
            "ndcg_min",
            "0.2",
            "max_map_regression_abs",
            "0.02");
    assertTrue(JsonFields.bool(decision, "blessed"), decision.toString());
    ArrayNode checks = JsonFields.array(decision, "checks");
    assertEquals("r2_floor", JsonFields.string(checks.get(0), "name"));
    assertTrue(JsonFields.asObject(checks.get(0)).get("passed").isNull(), "r2 does not apply");
    assertEquals("map_floor", JsonFields.string(checks.get(1), "name"));
    assertEquals("ndcg_floor", JsonFields.string(checks.get(2), "name"));
    ObjectNode rank = JsonFields.asObject(checks.get(3));
    assertEquals("average_rank_ceiling", JsonFields.string(rank, "name"));
    assertEquals(
        ImplicitGateThresholds.DEFAULT_AVERAGE_RANK_MAX,
        JsonFields.doubleValue(rank, "threshold"),
        0);
    ObjectNode drop = JsonFields.asObject(checks.get(4));
    assertEquals("map_regression_abs", JsonFields.string(drop, "name"));
    assertEquals(-0.01, JsonFields.doubleValue(drop, "value"), 1e-9);
  }

  @Test
  void failsAMapDropAndARandomRanking() throws Exception {
    ObjectNode decision = gate(report(0.10, 0.55, 0.20), "max_map_regression_rel", "0.1");
    assertFalse(JsonFields.bool(decision, "blessed"));
    assertTrue(
        JsonFields.string(decision, "summary").contains("average_rank_ceiling"),
        JsonFields.string(decision, "summary"));
    assertTrue(
        JsonFields.string(decision, "summary").contains("map_regression_rel"),
        JsonFields.string(decision, "summary"));
  }

  @Test
  void firstRunSkipsTheMapDrop() throws Exception {
    ObjectNode decision = gate(report(0.20, 0.08, Double.NaN), "max_map_regression_abs", "0.01");
    assertTrue(JsonFields.bool(decision, "blessed"));
    assertTrue(
        JsonFields.string(decision, "summary").contains("change thresholds skipped"),
        JsonFields.string(decision, "summary"));
  }

  @Test
  void explicitCandidatesIgnoreTheImplicitThresholds() throws Exception {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("r2_score", 0.35);
    metrics.put("root_mean_squared_error", 0.9);
    ObjectNode decision =
        gate(
            new MetricsReport(new ModelScores(metrics, 100, 0, 0), Optional.empty()),
            "map_min",
            "0.9");
    assertTrue(JsonFields.bool(decision, "blessed"));
    assertEquals(1, JsonFields.array(decision, "checks").size());
  }

  @Test
  void rejectsImplicitThresholdsOutOfRangeInOneLine() {
    ComponentException e =
        assertThrows(
            ComponentException.class,
            () -> gate(report(0.2, 0.1, Double.NaN), "map_min", "2", "average_rank_max", "-1"));
    assertEquals(
        "gate: parameter map_min must be in 0.0..1.0, was 2.0; parameter "
            + "average_rank_max must be in 0.0..1.0, was -1.0",
        e.getMessage());
  }

  private static MetricsReport report(double map, double averageRank, double championMap) {
    Optional<ModelScores> champion =
        Double.isNaN(championMap) ? Optional.empty() : Optional.of(scores(championMap, 0.1));
    return new MetricsReport(scores(map, averageRank), champion);
  }

  private static ModelScores scores(double map, double averageRank) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("mean_average_precision", map);
    metrics.put("mean_squared_error", 0.5);
    metrics.put("normalized_discounted_cumulative_gain", 2 * map);
    metrics.put("average_rank", averageRank);
    return new ModelScores(metrics, 500, 0, 0);
  }

  private ObjectNode gate(MetricsReport report, String... parameters) throws Exception {
    Path metrics = Files.createDirectories(tmp.resolve("metrics-" + System.nanoTime()));
    StepFiles.writeJson("test", metrics.resolve(MetricsReport.FILE), report.toJson());
    TestContext ctx =
        new TestContext(tmp.resolve("gate-" + System.nanoTime()), "run-1")
            .input("metrics", metrics);
    for (int i = 0; i < parameters.length; i += 2) {
      ctx.set(parameters[i], parameters[i + 1]);
    }
    new GateComponent().run(ctx);
    return JsonFields.asObject(
        Json.parse(Files.readAllBytes(ctx.output("decision").resolve(GateDecision.FILE))));
  }
}
