package io.recopipe.components.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.recopipe.model.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateComponentTest {
  @TempDir
  Path tmp;

  @Test
  void blessesWhenEveryCheckPasses() throws Exception {
    JsonObject decision = gate(report(0.90, 0.35, 0.91),
        "r2_min", "0.2", "rmse_max", "1.0", "max_regression_abs", "0.02");
    assertTrue(decision.getBoolean("blessed"));
    assertFalse(decision.getBoolean("first_run"));
    JsonArray checks = decision.getArray("checks");
    assertEquals(3, checks.size());
    JsonObject r2 = checks.get(0).asObject();
    assertEquals("r2_floor", r2.getString("name"));
    assertEquals("r2_score", r2.getString("metric"));
    assertEquals(0.35, r2.getDouble("value"), 1e-12);
    assertEquals(0.2, r2.getDouble("threshold"), 1e-12);
    assertTrue(r2.getBoolean("passed"));
    JsonObject change = checks.get(2).asObject();
    assertEquals(-0.01, change.getDouble("value"), 1e-9);
    assertTrue(decision.getString("summary").startsWith("blessed"));
  }

  @Test
  void failsBelowTheR2FloorByDefault() throws Exception {
    JsonObject decision = gate(report(1.10, 0.05, Double.NaN));
    assertFalse(decision.getBoolean("blessed"));
    JsonObject check = decision.getArray("checks").get(0).asObject();
    assertEquals(GateThresholds.DEFAULT_R2_MIN, check.getDouble("threshold"), 0);
    assertFalse(check.getBoolean("passed"));
    assertTrue(decision.getString("summary").contains("failed r2_floor"),
        decision.getString("summary"));
  }

  @Test
  void firstRunAppliesOnlyAbsoluteThresholdsAndSaysSo() throws Exception {
    JsonObject decision = gate(report(0.90, 0.35, Double.NaN),
        "max_regression_abs", "0.01", "max_regression_rel", "0.01");
    assertTrue(decision.getBoolean("blessed"));
    assertTrue(decision.getBoolean("first_run"));
    JsonArray checks = decision.getArray("checks");
    assertEquals(3, checks.size());
    for (int i = 1; i < 3; i++) {
      JsonObject skipped = checks.get(i).asObject();
      assertEquals(JsonValue.of(null), skipped.get("passed"));
      assertTrue(skipped.getString("detail").startsWith("skipped: first run"));
    }
    assertTrue(decision.getString("summary").startsWith("first run (no champion): only absolute"
        + " thresholds apply, change thresholds skipped"), decision.getString("summary"));
  }

  @Test
  void rejectsAnAbsoluteRegressionAgainstTheChampion() throws Exception {
    JsonObject decision = gate(report(0.95, 0.35, 0.90), "max_regression_abs", "0.02");
    assertFalse(decision.getBoolean("blessed"));
    JsonObject check = decision.getArray("checks").get(1).asObject();
    assertEquals("rmse_regression_abs", check.getString("name"));
    assertEquals(0.05, check.getDouble("value"), 1e-9);
    assertFalse(check.getBoolean("passed"));
  }

  @Test
  void rejectsARelativeRegressionAgainstTheChampion() throws Exception {
    JsonObject decision = gate(report(0.92, 0.35, 0.90), "r2_min", "none",
        "max_regression_rel", "0.01");
    assertFalse(decision.getBoolean("blessed"));
    JsonObject check = decision.getArray("checks").get(0).asObject();
    assertEquals("rmse_regression_rel", check.getString("name"));
    assertEquals(0.02 / 0.90, check.getDouble("value"), 1e-9);
    assertEquals(0.01, check.getDouble("threshold"), 0);
    JsonObject within = gate(report(0.905, 0.35, 0.90), "r2_min", "none",
        "max_regression_rel", "0.01");
    assertTrue(within.getBoolean("blessed"));
  }

  @Test
  void blessesNothingWithoutThresholds() throws Exception {
    JsonObject decision = gate(report(0.80, 0.50, Double.NaN), "r2_min", "none");
    assertFalse(decision.getBoolean("blessed"));
    assertEquals(0, decision.getArray("checks").size());
    assertTrue(decision.getString("summary").contains("no thresholds configured"));
  }

  @Test
  void autoBlessBlessesWithoutThresholds() throws Exception {
    JsonObject decision = gate(report(0.80, 0.50, Double.NaN), "r2_min", "none",
        "auto_bless", "true");
    assertTrue(decision.getBoolean("blessed"));
    assertTrue(decision.getString("summary").contains("auto_bless is true"));
  }

  @Test
  void autoBlessNeverOverridesAFailedCheck() throws Exception {
    JsonObject decision = gate(report(0.80, 0.10, Double.NaN), "auto_bless", "true");
    assertFalse(decision.getBoolean("blessed"));
  }

  @Test
  void rejectsUnknownAndBadParametersInOneLine() throws Exception {
    ComponentException unknown = assertThrows(ComponentException.class,
        () -> gate(report(0.9, 0.3, Double.NaN), "r2_minimum", "0.1"));
    assertEquals("gate.r2_minimum: unknown parameter (did you mean gate.r2_min?)",
        unknown.getMessage());
    ComponentException bad = assertThrows(ComponentException.class,
        () -> gate(report(0.9, 0.3, Double.NaN), "rmse_max", "low"));
    assertTrue(bad.getMessage().startsWith("gate: parameter rmse_max must be"));
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
    Path dir = ctx.output("decision");
    JsonObject decision = JsonParser.parse(Files.readAllBytes(dir.resolve(GateDecision.FILE)))
        .asObject();
    assertEquals(decision.getBoolean("blessed"), GateDecision.isBlessed(dir));
    return decision;
  }

  /** A candidate with this RMSE and R², and a champion with {@code championRmse} unless NaN. */
  private static MetricsReport report(double rmse, double r2, double championRmse) {
    Optional<ModelScores> champion = Double.isNaN(championRmse) ? Optional.empty()
        : Optional.of(scores(championRmse, 0.3));
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
