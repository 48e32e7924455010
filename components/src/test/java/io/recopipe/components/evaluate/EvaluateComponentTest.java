package io.recopipe.components.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.readers.DatasetReader;
import io.recopipe.components.steps.FakeWarehouse;
import io.recopipe.components.steps.StepFixtures;
import io.recopipe.components.steps.TestContext;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.metrics.RegressionEvaluation;
import io.recopipe.model.metrics.RegressionEvaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateComponentTest {
  @TempDir Path tmp;

  @Test
  void metricsMatchTheRegressionEvaluator() throws Exception {
    Path dataset = StepFixtures.dataset(tmp.resolve("data"), 11);
    Path model = StepFixtures.train(dataset, tmp.resolve("train"), "4", "2.0").output("model");
    TestContext ctx =
        new TestContext(tmp.resolve("eval"), "run-1")
            .input("dataset", dataset)
            .input("model", model);

    new EvaluateComponent().run(ctx);

    RegressionEvaluation expected = expected(dataset, model);
    ObjectNode json = read(ctx.output("metrics"));
    for (Map.Entry<String, Double> metric : expected.asMap().entrySet()) {
      assertEquals(
          metric.getValue(), JsonFields.doubleValue(json, metric.getKey()), 1e-12, metric.getKey());
      assertEquals(metric.getValue(), ctx.metrics.get(metric.getKey()), 1e-12);
    }
    assertEquals(expected.rows(), JsonFields.longValue(json, "eval_rows"));
    assertEquals(expected.coldStartRows(), JsonFields.longValue(json, "cold_start_rows"));
    assertFalse(json.has("champion"));
    FakeWarehouse.Table table = ctx.warehouse.table(EvaluationTable.NAME);
    assertEquals(List.of("candidate"), table.column("model"));
    assertEquals(
        expected.get("root_mean_squared_error"),
        (Double) table.column("root_mean_squared_error").get(0),
        1e-12);
  }

  @Test
  void scoresTheChampionOnTheSameSplitWithDeltas() throws Exception {
    Path dataset = StepFixtures.dataset(tmp.resolve("data"), 11);
    Path candidate = StepFixtures.train(dataset, tmp.resolve("c"), "4", "2.0").output("model");
    Path champion = StepFixtures.train(dataset, tmp.resolve("p"), "2", "20").output("model");
    TestContext ctx =
        new TestContext(tmp.resolve("eval"), "run-1")
            .input("dataset", dataset)
            .input("model", candidate);
    ctx.champion = champion;

    new EvaluateComponent().run(ctx);

    RegressionEvaluation mine = expected(dataset, candidate);
    RegressionEvaluation theirs = expected(dataset, champion);
    ObjectNode section = JsonFields.object(read(ctx.output("metrics")), "champion");
    ObjectNode deltas = JsonFields.object(section, "deltas");
    for (String name : mine.asMap().keySet()) {
      assertEquals(theirs.get(name), JsonFields.doubleValue(section, name), 1e-12, name);
      assertEquals(
          mine.get(name) - theirs.get(name), JsonFields.doubleValue(deltas, name), 1e-12, name);
    }
    assertEquals(theirs.rows(), JsonFields.longValue(section, "eval_rows"));
    FakeWarehouse.Table table = ctx.warehouse.table(EvaluationTable.NAME);
    assertEquals(List.of("candidate", "champion"), table.column("model"));

    List<List<Object>> rows = table.rows();
    ctx.warehouse.tables.clear();
    new EvaluateComponent().publish(ctx);
    assertEquals(rows, ctx.warehouse.table(EvaluationTable.NAME).rows());
    assertTrue(ctx.metrics.containsKey("delta_root_mean_squared_error"));
  }

  private static RegressionEvaluation expected(Path dataset, Path model) throws Exception {
    Ratings train = DatasetReader.read(dataset.resolve(DatasetLayout.TRAIN)).ratings();
    Ratings eval = DatasetReader.read(dataset.resolve(DatasetLayout.EVAL)).ratings();
    return RegressionEvaluator.forScaleOf(train).evaluate(ModelBundle.load(model).model(), eval);
  }

  private static ObjectNode read(Path dir) throws Exception {
    return JsonFields.asObject(Json.parse(Files.readAllBytes(dir.resolve("metrics.json"))));
  }
}
