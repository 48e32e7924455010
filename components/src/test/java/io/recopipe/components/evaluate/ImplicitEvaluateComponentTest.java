package io.recopipe.components.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.readers.DatasetReader;
import io.recopipe.components.steps.FakeWarehouse;
import io.recopipe.components.steps.StepFixtures;
import io.recopipe.components.steps.TestContext;
import io.recopipe.components.train.TrainComponent;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.metrics.ImplicitEvaluation;
import io.recopipe.model.metrics.ImplicitEvaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImplicitEvaluateComponentTest {
  @TempDir Path tmp;

  private static Path trainImplicit(Path dataset, Path root) throws Exception {
    TestContext ctx =
        new TestContext(root, "run-1")
            .input("dataset", dataset)
            .set("feedback_type", "implicit")
            .set("wals_alpha", "10")
            .set("positive_threshold", "4")
            .set("num_factors", "4")
            .set("l2_reg", "0.5")
            .set("max_iterations", "5")
            .set("threads", "2")
            .set("early_stop", "false");
    new TrainComponent().run(ctx);
    return ctx.output("model");
  }

  @Test
  void anExplicitCandidateIsNotComparedWithAnImplicitChampion() throws Exception {
    Path dataset = StepFixtures.dataset(tmp.resolve("data"), 11);
    Path implicitChampion = trainImplicit(dataset, tmp.resolve("c"));
    Path candidate = StepFixtures.train(dataset, tmp.resolve("p"), "2", "20").output("model");
    TestContext ctx =
        new TestContext(tmp.resolve("eval"), "run-1")
            .input("dataset", dataset)
            .input("model", candidate);
    ctx.champion = implicitChampion;

    new EvaluateComponent().run(ctx);

    ObjectNode json =
        JsonFields.asObject(
            Json.parse(Files.readAllBytes(ctx.output("metrics").resolve(MetricsReport.FILE))));
    assertTrue(json.has("r2_score"));
    assertFalse(json.has("champion"), "rating errors of a confidence model mean nothing");
    assertTrue(
        ctx.info.stream().anyMatch(l -> l.startsWith("the champion is an IMPLICIT model")),
        ctx.info.toString());
  }

  @Test
  void anImplicitCandidateIsScoredWithTheImplicitColumnsAndSoIsItsChampion() throws Exception {
    Path dataset = StepFixtures.dataset(tmp.resolve("data"), 11);
    Path candidate = trainImplicit(dataset, tmp.resolve("c"));
    Path champion = StepFixtures.train(dataset, tmp.resolve("p"), "2", "20").output("model");
    TestContext ctx =
        new TestContext(tmp.resolve("eval"), "run-1")
            .input("dataset", dataset)
            .input("model", candidate);
    ctx.champion = champion;

    new EvaluateComponent().run(ctx);

    Ratings train = DatasetReader.read(dataset.resolve(DatasetLayout.TRAIN)).ratings();
    Ratings eval = DatasetReader.read(dataset.resolve(DatasetLayout.EVAL)).ratings();
    ImplicitEvaluator evaluator = ImplicitEvaluator.withThreshold(4);
    ImplicitEvaluation mine = evaluator.evaluate(ModelBundle.load(candidate).model(), train, eval);
    ImplicitEvaluation theirs = evaluator.evaluate(ModelBundle.load(champion).model(), train, eval);
    ObjectNode json =
        JsonFields.asObject(
            Json.parse(Files.readAllBytes(ctx.output("metrics").resolve(MetricsReport.FILE))));
    for (String column : ImplicitEvaluator.COLUMNS) {
      assertEquals(mine.get(column), JsonFields.doubleValue(json, column), 1e-12, column);
      assertEquals(
          theirs.get(column),
          JsonFields.doubleValue(JsonFields.object(json, "champion"), column),
          1e-12);
    }
    assertFalse(json.has("r2_score"));
    assertEquals(mine.positives(), JsonFields.longValue(json, "eval_rows"));
    assertTrue(ctx.metrics.containsKey("delta_mean_average_precision"));
    FakeWarehouse.Table table = ctx.warehouse.table(EvaluationTable.NAME);
    assertEquals(List.of("candidate", "champion"), table.column("model"));
    assertEquals(mine.get("average_rank"), (Double) table.column("average_rank").get(0), 1e-12);
    assertNull(table.column("r2_score").get(0));

    List<List<Object>> rows = table.rows();
    ctx.warehouse.tables.clear();
    new EvaluateComponent().publish(ctx);
    assertEquals(rows, ctx.warehouse.table(EvaluationTable.NAME).rows());
  }
}
