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

class GateComponentTest {
  @TempDir Path tmp;

  @Test
  void blessesWhenEveryCheckPasses() throws Exception {
    ObjectNode decision =
        gate(
            report(0.90, 0.35, 0.91),
            "r2_min",
            "0.2",
            "rmse_max",
            "1.0",
            "max_regression_abs",
            "0.02");
    assertTrue(JsonFields.bool(decision, "blessed"));
    assertFalse(JsonFields.bool(decision, "first_run"));
    ArrayNode checks = JsonFields.array(decision, "checks");
    assertEquals(3, checks.size());
    ObjectNode r2 = JsonFields.asObject(checks.get(0));
    assertEquals("r2_floor", JsonFields.string(r2, "name"));
    assertEquals("r2_score", JsonFields.string(r2, "metric"));
    assertEquals(0.35, JsonFields.doubleValue(r2, "value"), 1e-12);
    assertEquals(0.2, JsonFields.doubleValue(r2, "threshold"), 1e-12);
    assertTrue(JsonFields.bool(r2, "passed"));
    ObjectNode change = JsonFields.asObject(checks.get(2));
    assertEquals(-0.01, JsonFields.doubleValue(change, "value"), 1e-9);
    assertTrue(JsonFields.string(decision, "summary").startsWith("blessed"));
  }

  @Test
  void failsBelowTheR2FloorByDefault() throws Exception {
    ObjectNode decision = gate(report(1.10, 0.05, Double.NaN));
    assertFalse(JsonFields.bool(decision, "blessed"));
    ObjectNode check = JsonFields.asObject(JsonFields.array(decision, "checks").get(0));
    assertEquals(GateThresholds.DEFAULT_R2_MIN, JsonFields.doubleValue(check, "threshold"), 0);
    assertFalse(JsonFields.bool(check, "passed"));
    assertTrue(
        JsonFields.string(decision, "summary").contains("failed r2_floor"),
        JsonFields.string(decision, "summary"));
  }

  @Test
  void firstRunAppliesOnlyAbsoluteThresholdsAndSaysSo() throws Exception {
    ObjectNode decision =
        gate(
            report(0.90, 0.35, Double.NaN),
            "max_regression_abs",
            "0.01",
            "max_regression_rel",
            "0.01");
    assertTrue(JsonFields.bool(decision, "blessed"));
    assertTrue(JsonFields.bool(decision, "first_run"));
    ArrayNode checks = JsonFields.array(decision, "checks");
    assertEquals(3, checks.size());
    for (int i = 1; i < 3; i++) {
      ObjectNode skipped = JsonFields.asObject(checks.get(i));
      assertEquals(Json.valueOf(null), skipped.get("passed"));
      assertTrue(JsonFields.string(skipped, "detail").startsWith("skipped: first run"));
    }
    assertTrue(
        JsonFields.string(decision, "summary")
            .startsWith(
                "first run (no champion): only absolute"
                    + " thresholds apply, change thresholds skipped"),
        JsonFields.string(decision, "summary"));
  }

  @Test
  void rejectsAnAbsoluteRegressionAgainstTheChampion() throws Exception {
    ObjectNode decision = gate(report(0.95, 0.35, 0.90), "max_regression_abs", "0.02");
    assertFalse(JsonFields.bool(decision, "blessed"));
    ObjectNode check = JsonFields.asObject(JsonFields.array(decision, "checks").get(1));
    assertEquals("rmse_regression_abs", JsonFields.string(check, "name"));
    assertEquals(0.05, JsonFields.doubleValue(check, "value"), 1e-9);
    assertFalse(JsonFields.bool(check, "passed"));
  }

  @Test
  void rejectsARelativeRegressionAgainstTheChampion() throws Exception {
    ObjectNode decision =
        gate(report(0.92, 0.35, 0.90), "r2_min", "none", "max_regression_rel", "0.01");
    assertFalse(JsonFields.bool(decision, "blessed"));
    ObjectNode check = JsonFields.asObject(JsonFields.array(decision, "checks").get(0));
    assertEquals("rmse_regression_rel", JsonFields.string(check, "name"));
    assertEquals(0.02 / 0.90, JsonFields.doubleValue(check, "value"), 1e-9);
    assertEquals(0.01, JsonFields.doubleValue(check, "threshold"), 0);
    ObjectNode within =
        gate(report(0.905, 0.35, 0.90), "r2_min", "none", "max_regression_rel", "0.01");
    assertTrue(JsonFields.bool(within, "blessed"));
  }

  @Test
  void blessesNothingWithoutThresholds() throws Exception {
    ObjectNode decision = gate(report(0.80, 0.50, Double.NaN), "r2_min", "none");
    assertFalse(JsonFields.bool(decision, "blessed"));
    assertEquals(0, JsonFields.array(decision, "checks").size());
    assertTrue(JsonFields.string(decision, "summary").contains("no thresholds configured"));
  }

  @Test
  void autoBlessBlessesWithoutThresholds() throws Exception {
    ObjectNode decision =
        gate(report(0.80, 0.50, Double.NaN), "r2_min", "none", "auto_bless", "true");
    assertTrue(JsonFields.bool(decision, "blessed"));
    assertTrue(JsonFields.string(decision, "summary").contains("auto_bless is true"));
  }

  @Test
  void autoBlessNeverOverridesAFailedCheck() throws Exception {
    ObjectNode decision = gate(report(0.80, 0.10, Double.NaN), "auto_bless", "true");
    assertFalse(JsonFields.bool(decision, "blessed"));
  }

  @Test
  void rejectsUnknownAndBadParametersInOneLine() throws Exception {
    ComponentException unknown =
        assertThrows(
            ComponentException.class,
            () -> gate(report(0.9, 0.3, Double.NaN), "r2_minimum", "0.1"));
    assertEquals(
        "gate.r2_minimum: unknown parameter (did you mean gate.r2_min?)", unknown.getMessage());
    ComponentException bad =
        assertThrows(
            ComponentException.class, () -> gate(report(0.9, 0.3, Double.NaN), "rmse_max", "low"));
    assertTrue(bad.getMessage().startsWith("gate: parameter rmse_max must be"));
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
    Path dir = ctx.output("decision");
    ObjectNode decision =
        JsonFields.asObject(Json.parse(Files.readAllBytes(dir.resolve(GateDecision.FILE))));
    assertEquals(JsonFields.bool(decision, "blessed"), GateDecision.isBlessed(dir));
    return decision;
  }

  /** A candidate with this RMSE and R², and a champion with {@code championRmse} unless NaN. */
  private static MetricsReport report(double rmse, double r2, double championRmse) {
    Optional<ModelScores> champion =
        Double.isNaN(championRmse) ? Optional.empty() : Optional.of(scores(championRmse, 0.3));
    return new MetricsReport(scores(rmse, r2), champion);
  }

  private static ModelScores scores(double rmse, double r2) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("mean_squared_error", rmse * rmse);
    metrics.put("r2_score", r2);
    metrics.put("root_mean_squared_error", rmse);
    return new ModelScores(metrics, 1000, 3, 1);
  }
}
