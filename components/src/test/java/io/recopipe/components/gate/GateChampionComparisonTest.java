package io.recopipe.components.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.steps.EvaluateComponent;
import io.recopipe.components.steps.ExportComponent;
import io.recopipe.components.steps.StepFixtures;
import io.recopipe.components.steps.TestContext;
import io.recopipe.components.steps.TrainComponent;
import io.recopipe.components.validation.DataProfile;
import io.recopipe.model.json.JsonArray;
import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonParser;
import io.recopipe.model.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate beside the champion's bundle: response contract and data checks. */
class GateChampionComparisonTest {
  @TempDir
  Path tmp;
  private Path datasetA;
  private Path champion;

  /** The champion: trained on dataset A and exported (so its bundle has a data profile). */
  @BeforeEach
  void exportChampion() throws Exception {
    datasetA = StepFixtures.dataset(tmp.resolve("a"), 3);
    Path trained = StepFixtures.train(datasetA, tmp.resolve("train-a"), "4", "2.0")
        .output("model");
    TestContext export = new TestContext(tmp.resolve("export-a"), "run-a")
        .input("model", trained).input("dataset", datasetA).set("top_n", "5");
    new ExportComponent().run(export);
    champion = export.output("model");
    assertTrue(Files.isRegularFile(champion.resolve(DataProfile.FILE)));
  }

  @Test
  void theSameKindOfDataAndContractPassesEveryCheckAndRequiresNoReview() throws Exception {
    Path candidate = StepFixtures.train(datasetA, tmp.resolve("train-b"), "4", "1.0")
        .output("model");
    JsonObject decision = gate(datasetA, candidate, "rmse_max", "5", "max_regression_abs", "1");
    assertTrue(decision.getBoolean("blessed"), decision.toString());
    assertEquals(0, decision.getArray("contract_changes").size());
    assertEquals(0, decision.getArray("review_required").size());
    List<String> names = new ArrayList<>();
    for (JsonValue check : decision.getArray("data_checks")) {
      assertEquals("pass", check.asObject().getString("outcome"), check.toString());
      names.add(check.asObject().getString("name"));
    }
    assertEquals(List.of("schema", "row_count_change", "rating_histogram_distance",
        "unknown_eval_users", "unknown_eval_items"), names);
    assertEquals(0.0, check(decision, "rating_histogram_distance").getDouble("value"), 0);
    assertEquals("pass", decision.getArray("checks").get(1).asObject().getString("outcome"));
  }

  @Test
  void anImplicitCandidateChangesTheResponseContractAndRequiresReview() throws Exception {
    TestContext train = new TestContext(tmp.resolve("train-i"), "run-b")
        .input("dataset", datasetA).set("feedback_type", "implicit").set("wals_alpha", "10")
        .set("positive_threshold", "4").set("num_factors", "4").set("l2_reg", "0.5")
        .set("max_iterations", "5").set("threads", "2").set("early_stop", "false");
    new TrainComponent().run(train);
    JsonObject decision = gate(datasetA, train.output("model"));
    JsonArray changes = decision.getArray("contract_changes");
    assertEquals(1, changes.size(), changes.toString());
    JsonObject change = changes.get(0).asObject();
    assertEquals("score_field", change.getString("field"));
    assertEquals("predicted_rating", change.getString("champion"));
    assertEquals("predicted_rating_confidence", change.getString("candidate"));
    assertEquals(List.of(JsonValue.of("response contract changed: predicted_rating → "
        + "predicted_rating_confidence")), decision.getArray("review_required").values());
    assertTrue(decision.getBoolean("blessed"), decision.getString("summary"));
    assertTrue(decision.getString("summary").contains("review required: response contract"),
        decision.getString("summary"));
  }

  @Test
  void dataTheChampionNeverSawIsNotComparableAndGoesToReview() throws Exception {
    Path datasetB = rewrite(datasetA, tmp.resolve("b"), line -> {
      String[] f = line.split("\t");
      return (Long.parseLong(f[0]) + 100_000) + "\t" + (Long.parseLong(f[1]) + 100_000) + "\t"
          + f[2] + "\t" + f[3];
    });
    Path candidate = StepFixtures.train(datasetB, tmp.resolve("train-b"), "4", "2.0")
        .output("model");
    JsonObject decision = gate(datasetB, candidate, "rmse_max", "5", "max_regression_abs",
        "0.01");
    JsonObject users = check(decision, "unknown_eval_users");
    assertEquals(1.0, users.getDouble("value"), 0);
    assertEquals("fail", users.getString("outcome"));
    assertEquals("fail", check(decision, "unknown_eval_items").getString("outcome"));
    JsonObject change = decision.getArray("checks").get(1).asObject();
    assertEquals("rmse_regression_abs", change.getString("name"));
    assertEquals("not_comparable", change.getString("outcome"));
    assertEquals(JsonValue.of(null), change.get("passed"));
    String reasons = decision.getArray("review_required").toString();
    assertTrue(reasons.contains("data not comparable with the champion's, so the "
        + "change-vs-champion checks were not made: "), reasons);
    assertTrue(reasons.contains("(100.0%) unknown to the champion"), reasons);
    assertEquals("pass", check(decision, "rating_histogram_distance").getString("outcome"));
  }

  @Test
  void ratingsThatDriftedBeyondTheThresholdWithholdTheBlessing() throws Exception {
    Path shifted = rewrite(datasetA, tmp.resolve("c"), line -> {
      String[] f = line.split("\t");
      double rating = Double.parseDouble(f[2]);
      return f[0] + "\t" + f[1] + "\t" + (rating >= 3 ? 5.0 : 1.0) + "\t" + f[3];
    });
    Path candidate = StepFixtures.train(shifted, tmp.resolve("train-c"), "4", "2.0")
        .output("model");
    JsonObject decision = gate(shifted, candidate, "rmse_max", "5");
    assertFalse(decision.getBoolean("blessed"));
    assertEquals("fail", check(decision, "rating_histogram_distance").getString("outcome"));
    assertTrue(decision.getString("summary").contains("not blessed: the data drifted beyond "
        + "rating_histogram_distance"), decision.getString("summary"));
  }

  @Test
  void aChampionWithoutADataProfileIsNeverASilentPass() throws Exception {
    Files.delete(champion.resolve(DataProfile.FILE));
    JsonObject decision = gate(datasetA, champion, "rmse_max", "5");
    for (String name : List.of("schema", "row_count_change", "rating_histogram_distance")) {
      JsonObject check = check(decision, name);
      assertEquals("not_comparable", check.getString("outcome"), name);
      assertEquals("not comparable (champion bundle has no data profile)",
          check.getString("detail"));
    }
    assertEquals("pass", check(decision, "unknown_eval_users").getString("outcome"));
    assertTrue(decision.getArray("review_required").toString()
        .contains("champion bundle has no data profile"));
  }

  @Test
  void dataThresholdsAreCheckedInOneLineNamingTheKey() {
    ComponentException bad = assertThrows(ComponentException.class, () -> new GateComponent()
        .validate(java.util.Map.of("max_unknown_eval_users", "1.5")));
    assertEquals("gate: parameter max_unknown_eval_users must be in 0.0..1.0 (a share of eval "
        + "users), was 1.5", bad.getMessage());
    ComponentException typo = assertThrows(ComponentException.class, () -> new GateComponent()
        .validate(java.util.Map.of("max_row_count_chnage", "0.2")));
    assertTrue(typo.getMessage().contains("did you mean gate.max_row_count_change?"),
        typo.getMessage());
  }

  private JsonObject gate(Path dataset, Path candidate, String... parameters) throws Exception {
    TestContext evaluate = new TestContext(tmp.resolve("eval-" + System.nanoTime()), "run-b")
        .input("dataset", dataset).input("model", candidate);
    evaluate.champion = champion;
    new EvaluateComponent().run(evaluate);
    TestContext ctx = new TestContext(tmp.resolve("gate-" + System.nanoTime()), "run-b")
        .input("metrics", evaluate.output("metrics")).input("dataset", dataset)
        .input("model", candidate);
    ctx.champion = champion;
    ctx.set("r2_min", "none"); // the tiny fixtures score R² near 0 on held-out ratings
    for (int i = 0; i < parameters.length; i += 2) {
      ctx.set(parameters[i], parameters[i + 1]);
    }
    new GateComponent().run(ctx);
    return JsonParser.parse(Files.readAllBytes(ctx.output("decision")
        .resolve(GateDecision.FILE))).asObject();
  }

  private static JsonObject check(JsonObject decision, String name) {
    for (JsonValue check : decision.getArray("data_checks")) {
      if (check.asObject().getString("name").equals(name)) {
        return check.asObject();
      }
    }
    throw new AssertionError("no data check " + name + " in " + decision);
  }

  /** A copy of dataset {@code from} with every ratings line of every split rewritten. */
  private static Path rewrite(Path from, Path to, UnaryOperator<String> line) throws Exception {
    Files.createDirectories(to);
    for (String file : List.of(DatasetLayout.RATINGS, DatasetLayout.TRAIN, DatasetLayout.EVAL)) {
      Files.write(to.resolve(file), Files.readAllLines(from.resolve(file)).stream()
          .map(line).toList());
    }
    Files.copy(from.resolve(DatasetLayout.MOVIES), to.resolve(DatasetLayout.MOVIES));
    return to;
  }
}
