package io.recopipe.components.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.evaluate.EvaluateComponent;
import io.recopipe.components.export.ExportComponent;
import io.recopipe.components.steps.StepFixtures;
import io.recopipe.components.steps.TestContext;
import io.recopipe.components.train.TrainComponent;
import io.recopipe.components.validation.DataProfile;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
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
  @TempDir Path tmp;
  private Path datasetA;
  private Path champion;

  /** The champion: trained on dataset A and exported (so its bundle has a data profile). */
  @BeforeEach
  void exportChampion() throws Exception {
    datasetA = StepFixtures.dataset(tmp.resolve("a"), 3);
    Path trained = StepFixtures.train(datasetA, tmp.resolve("train-a"), "4", "2.0").output("model");
    TestContext export =
        new TestContext(tmp.resolve("export-a"), "run-a")
            .input("model", trained)
            .input("dataset", datasetA)
            .set("top_n", "5");
    new ExportComponent().run(export);
    champion = export.output("model");
    assertTrue(Files.isRegularFile(champion.resolve(DataProfile.FILE)));
  }

  @Test
  void theSameKindOfDataAndContractPassesEveryCheckAndRequiresNoReview() throws Exception {
    Path candidate =
        StepFixtures.train(datasetA, tmp.resolve("train-b"), "4", "1.0").output("model");
    ObjectNode decision = gate(datasetA, candidate, "rmse_max", "5", "max_regression_abs", "1");
    assertTrue(JsonFields.bool(decision, "blessed"), decision.toString());
    assertEquals(0, JsonFields.array(decision, "contract_changes").size());
    assertEquals(0, JsonFields.array(decision, "review_required").size());
    List<String> names = new ArrayList<>();
    for (JsonNode check : JsonFields.array(decision, "data_checks")) {
      assertEquals("pass", JsonFields.string(check, "outcome"), check.toString());
      names.add(JsonFields.string(check, "name"));
    }
    assertEquals(
        List.of(
            "schema",
            "row_count_change",
            "rating_histogram_distance",
            "unknown_eval_users",
            "unknown_eval_items"),
        names);
    assertEquals(
        0.0, JsonFields.doubleValue(check(decision, "rating_histogram_distance"), "value"), 0);
    assertEquals("pass", JsonFields.string(JsonFields.array(decision, "checks").get(1), "outcome"));
  }

  @Test
  void anImplicitCandidateChangesTheResponseContractAndRequiresReview() throws Exception {
    TestContext train =
        new TestContext(tmp.resolve("train-i"), "run-b")
            .input("dataset", datasetA)
            .set("feedback_type", "implicit")
            .set("wals_alpha", "10")
            .set("positive_threshold", "4")
            .set("num_factors", "4")
            .set("l2_reg", "0.5")
            .set("max_iterations", "5")
            .set("threads", "2")
            .set("early_stop", "false");
    new TrainComponent().run(train);
    ObjectNode decision = gate(datasetA, train.output("model"));
    ArrayNode changes = JsonFields.array(decision, "contract_changes");
    assertEquals(1, changes.size(), changes.toString());
    ObjectNode change = JsonFields.asObject(changes.get(0));
    assertEquals("score_field", JsonFields.string(change, "field"));
    assertEquals("predicted_rating", JsonFields.string(change, "champion"));
    assertEquals("predicted_rating_confidence", JsonFields.string(change, "candidate"));
    assertEquals(
        List.of("response contract changed: predicted_rating → " + "predicted_rating_confidence"),
        Json.toJava(JsonFields.array(decision, "review_required")));
    assertTrue(JsonFields.bool(decision, "blessed"), JsonFields.string(decision, "summary"));
    assertTrue(
        JsonFields.string(decision, "summary").contains("review required: response contract"),
        JsonFields.string(decision, "summary"));
  }

  @Test
  void dataTheChampionNeverSawIsNotComparableAndGoesToReview() throws Exception {
    Path datasetB =
        rewrite(
            datasetA,
            tmp.resolve("b"),
            line -> {
              String[] f = line.split("\t");
              return (Long.parseLong(f[0]) + 100_000)
                  + "\t"
                  + (Long.parseLong(f[1]) + 100_000)
                  + "\t"
                  + f[2]
                  + "\t"
                  + f[3];
            });
    Path candidate =
        StepFixtures.train(datasetB, tmp.resolve("train-b"), "4", "2.0").output("model");
    ObjectNode decision = gate(datasetB, candidate, "rmse_max", "5", "max_regression_abs", "0.01");
    ObjectNode users = check(decision, "unknown_eval_users");
    assertEquals(1.0, JsonFields.doubleValue(users, "value"), 0);
    assertEquals("fail", JsonFields.string(users, "outcome"));
    assertEquals("fail", JsonFields.string(check(decision, "unknown_eval_items"), "outcome"));
    ObjectNode change = JsonFields.asObject(JsonFields.array(decision, "checks").get(1));
    assertEquals("rmse_regression_abs", JsonFields.string(change, "name"));
    assertEquals("not_comparable", JsonFields.string(change, "outcome"));
    assertEquals(Json.valueOf(null), change.get("passed"));
    String reasons = Json.compact(JsonFields.array(decision, "review_required"));
    assertTrue(
        reasons.contains(
            "data not comparable with the champion's, so the "
                + "change-vs-champion checks were not made: "),
        reasons);
    assertTrue(reasons.contains("(100.0%) unknown to the champion"), reasons);
    assertEquals(
        "pass", JsonFields.string(check(decision, "rating_histogram_distance"), "outcome"));
  }

  @Test
  void ratingsThatDriftedBeyondTheThresholdWithholdTheBlessing() throws Exception {
    Path shifted =
        rewrite(
            datasetA,
            tmp.resolve("c"),
            line -> {
              String[] f = line.split("\t");
              double rating = Double.parseDouble(f[2]);
              return f[0] + "\t" + f[1] + "\t" + (rating >= 3 ? 5.0 : 1.0) + "\t" + f[3];
            });
    Path candidate =
        StepFixtures.train(shifted, tmp.resolve("train-c"), "4", "2.0").output("model");
    ObjectNode decision = gate(shifted, candidate, "rmse_max", "5");
    assertFalse(JsonFields.bool(decision, "blessed"));
    assertEquals(
        "fail", JsonFields.string(check(decision, "rating_histogram_distance"), "outcome"));
    assertTrue(
        JsonFields.string(decision, "summary")
            .contains("not blessed: the data drifted beyond " + "rating_histogram_distance"),
        JsonFields.string(decision, "summary"));
  }

  @Test
  void aChampionWithoutADataProfileIsNeverASilentPass() throws Exception {
    Files.delete(champion.resolve(DataProfile.FILE));
    ObjectNode decision = gate(datasetA, champion, "rmse_max", "5");
    for (String name : List.of("schema", "row_count_change", "rating_histogram_distance")) {
      ObjectNode check = check(decision, name);
      assertEquals("not_comparable", JsonFields.string(check, "outcome"), name);
      assertEquals(
          "not comparable (champion bundle has no data profile)",
          JsonFields.string(check, "detail"));
    }
    assertEquals("pass", JsonFields.string(check(decision, "unknown_eval_users"), "outcome"));
    assertTrue(
        Json.compact(JsonFields.array(decision, "review_required"))
            .contains("champion bundle has no data profile"));
  }

  @Test
  void dataThresholdsAreCheckedInOneLineNamingTheKey() {
    ComponentException bad =
        assertThrows(
            ComponentException.class,
            () -> new GateComponent().validate(java.util.Map.of("max_unknown_eval_users", "1.5")));
    assertEquals(
        "gate: parameter max_unknown_eval_users must be in 0.0..1.0 (a share of eval "
            + "users), was 1.5",
        bad.getMessage());
    ComponentException typo =
        assertThrows(
            ComponentException.class,
            () -> new GateComponent().validate(java.util.Map.of("max_row_count_chnage", "0.2")));
    assertTrue(
        typo.getMessage().contains("did you mean gate.max_row_count_change?"), typo.getMessage());
  }

  private ObjectNode gate(Path dataset, Path candidate, String... parameters) throws Exception {
    TestContext evaluate =
        new TestContext(tmp.resolve("eval-" + System.nanoTime()), "run-b")
            .input("dataset", dataset)
            .input("model", candidate);
    evaluate.champion = champion;
    new EvaluateComponent().run(evaluate);
    TestContext ctx =
        new TestContext(tmp.resolve("gate-" + System.nanoTime()), "run-b")
            .input("metrics", evaluate.output("metrics"))
            .input("dataset", dataset)
            .input("model", candidate);
    ctx.champion = champion;
    ctx.set("r2_min", "none"); // the tiny fixtures score R² near 0 on held-out ratings
    for (int i = 0; i < parameters.length; i += 2) {
      ctx.set(parameters[i], parameters[i + 1]);
    }
    new GateComponent().run(ctx);
    return JsonFields.asObject(
        Json.parse(Files.readAllBytes(ctx.output("decision").resolve(GateDecision.FILE))));
  }

  private static ObjectNode check(ObjectNode decision, String name) {
    for (JsonNode check : JsonFields.array(decision, "data_checks")) {
      if (JsonFields.string(check, "name").equals(name)) {
        return JsonFields.asObject(check);
      }
    }
    throw new AssertionError("no data check " + name + " in " + decision);
  }

  /** A copy of dataset {@code from} with every ratings line of every split rewritten. */
  private static Path rewrite(Path from, Path to, UnaryOperator<String> line) throws Exception {
    Files.createDirectories(to);
    for (String file : List.of(DatasetLayout.RATINGS, DatasetLayout.TRAIN, DatasetLayout.EVAL)) {
      Files.write(
          to.resolve(file), Files.readAllLines(from.resolve(file)).stream().map(line).toList());
    }
    Files.copy(from.resolve(DatasetLayout.MOVIES), to.resolve(DatasetLayout.MOVIES));
    return to;
  }
}
