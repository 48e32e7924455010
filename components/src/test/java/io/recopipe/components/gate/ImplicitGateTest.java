package io.recopipe.components.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.steps.MetricsReport;
import io.recopipe.components.steps.ModelScores;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.components.steps.TestContext;
import io.recopipe.model.json.JsonArray;
import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImplicitGateTest {
  @TempDir
  Path tmp;

  @Test
  void gatesAnImplicitCandidateOnItsRankingColumns() throws Exception {
    JsonObject decision = gate(report(0.20, 0.08, 0.19), "map_min", "0.1", "ndcg_min", "0.2",
        "max_map_regression_abs", "0.02");
    assertTrue(decision.getBoolean("blessed"), decision.toString());
    JsonArray checks = decision.getArray("checks");
    assertEquals("r2_floor", checks.get(0).asObject().getString("name"));
    assertTrue(checks.get(0).asObject().get("passed").isNull(), "r2 does not apply");
    assertEquals("map_floor", checks.get(1).asObject().getString("name"));
    assertEquals("ndcg_floor", checks.get(2).asObject().getString("name"));
    JsonObject rank = checks.get(3).asObject();
    assertEquals("average_rank_ceiling", rank.getString("name"));
    assertEquals(ImplicitGateThresholds.DEFAULT_AVERAGE_RANK_MAX, rank.getDouble("threshold"), 0);
    JsonObject drop = checks.get(4).asObject();
    assertEquals("map_regression_abs", drop.getString("name"));
    assertEquals(-0.01, drop.getDouble("value"), 1e-9);
  }

  @Test
  void failsAMapDropAndARandomRanking() throws Exception {
    JsonObject decision = gate(report(0.10, 0.55, 0.20), "max_map_regression_rel", "0.1");
    assertFalse(decision.getBoolean("blessed"));
    assertTrue(decision.getString("summary").contains("average_rank_ceiling"),
        decision.getString("summary"));
    assertTrue(decision.getString("summary").contains("map_regression_rel"),
        decision.getString("summary"));
  }

  @Test
  void firstRunSkipsTheMapDrop() throws Exception {
    JsonObject decision = gate(report(0.20, 0.08, Double.NaN), "max_map_regression_abs", "0.01");
    assertTrue(decision.getBoolean("blessed"));
    assertTrue(decision.getString("summary").contains("change thresholds skipped"),
        decision.getString("summary"));
  }

  @Test
  void explicitCandidatesIgnoreTheImplicitThresholds() throws Exception {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("r2_score", 0.35);
    metrics.put("root_mean_squared_error", 0.9);
    JsonObject decision = gate(new MetricsReport(new ModelScores(metrics, 100, 0, 0),
        Optional.empty()), "map_min", "0.9");
    assertTrue(decision.getBoolean("blessed"));
    assertEquals(1, decision.getArray("checks").size());
  }

  @Test
  void rejectsImplicitThresholdsOutOfRangeInOneLine() {
    ComponentException e = assertThrows(ComponentException.class,
        () -> gate(report(0.2, 0.1, Double.NaN), "map_min", "2", "average_rank_max", "-1"));
    assertEquals("gate: parameter map_min must be in 0.0..1.0, was 2.0; parameter "
        + "average_rank_max must be in 0.0..1.0, was -1.0", e.getMessage());
  }

  private static MetricsReport report(double map, double averageRank, double championMap) {
    Optional<ModelScores> champion = Double.isNaN(championMap) ? Optional.empty()
        : Optional.of(scores(championMap, 0.1));
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

  private JsonObject gate(MetricsReport report, String... parameters) throws Exception {
    Path metrics = Files.createDirectories(tmp.resolve("metrics-" + System.nanoTime()));
    StepFiles.writeJson("test", metrics.resolve(MetricsReport.FILE), report.toJson());
    TestContext ctx = new TestContext(tmp.resolve("gate-" + System.nanoTime()), "run-1")
        .input("metrics", metrics);
    for (int i = 0; i < parameters.length; i += 2) {
      ctx.set(parameters[i], parameters[i + 1]);
    }
    new GateComponent().run(ctx);
    return JsonParser.parse(Files.readAllBytes(ctx.output("decision").resolve(GateDecision.FILE)))
        .asObject();
  }
}
