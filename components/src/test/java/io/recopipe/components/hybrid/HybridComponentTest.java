package io.recopipe.components.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.synthetic.RandomSplit;
import io.recopipe.components.synthetic.SyntheticGenerator;
import io.recopipe.components.synthetic.SyntheticSpec;
import io.recopipe.components.synthetic.TrainTestSplit;
import io.recopipe.components.testing.RecordingStepContext;
import io.recopipe.components.train.TrainComponent;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.components.writers.TsvRatingsWriter;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HybridComponentTest {
  @TempDir Path tmp;

  /** A step context with a DuckDB warehouse, or none at all. */
  private static final class Context extends RecordingStepContext {
    private final Warehouse warehouse;

    Context(Path root, Warehouse warehouse) {
      super("hybrid", "run-1", root, root.resolve("cache"));
      this.warehouse = warehouse;
    }

    @Override
    protected Warehouse warehouseOrNull() {
      return warehouse;
    }
  }

  /** 60 users × 80 items with a 10% eval split, users.tsv and movies.tsv for every id. */
  private Path dataset() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("dataset"));
    Ratings all = SyntheticGenerator.generate(SyntheticSpec.custom(60, 80, 2_400), 5).ratings();
    TrainTestSplit split = RandomSplit.split(all, 0.1, 5);
    TsvRatingsWriter.write(all, dir.resolve(DatasetLayout.RATINGS));
    TsvRatingsWriter.write(split.train(), dir.resolve(DatasetLayout.TRAIN));
    TsvRatingsWriter.write(split.test(), dir.resolve(DatasetLayout.EVAL));
    List<String> users = new ArrayList<>();
    for (String user : all.users().ids()) {
      users.add(
          user
              + "\t"
              + (user.hashCode() % 2 == 0 ? "M" : "F")
              + "\t"
              + (20 + Math.floorMod(user.hashCode(), 40))
              + "\twriter\t0213"
              + user.length());
    }
    Files.write(dir.resolve(DatasetLayout.USERS), users);
    List<String> movies = new ArrayList<>();
    for (String item : all.items().ids()) {
      movies.add(item + "\tMovie " + item + " (1995)\tComedy|Drama");
    }
    Files.write(dir.resolve(DatasetLayout.MOVIES), movies);
    return dir;
  }

  private Path trainedModel(Path dataset, Warehouse warehouse) throws Exception {
    Context train = new Context(tmp.resolve("train"), warehouse);
    train.inputs.put("dataset", dataset);
    train.parameters.put("num_factors", "4");
    train.parameters.put("max_iterations", "4");
    train.parameters.put("method", "als");
    new TrainComponent().run(train);
    return train.output("model");
  }

  @Test
  void enabledStepWritesModelMetricsAndTable() throws Exception {
    Path dataset = dataset();
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("wh.duckdb"))) {
      Path model = trainedModel(dataset, warehouse);
      Context ctx = new Context(tmp.resolve("hybrid"), warehouse);
      ctx.inputs.put("dataset", dataset);
      ctx.inputs.put("model", model);
      ctx.parameters.put("enabled", "true");
      ctx.parameters.put("cold_start_fraction", "0.5");
      new HybridComponent().run(ctx);

      ObjectNode file =
          JsonFields.asObject(
              Json.parse(Files.readAllBytes(ctx.output("hybrid").resolve(HybridFiles.MODEL))));
      assertTrue(JsonFields.bool(file, "used_metadata"));
      assertTrue(JsonFields.object(JsonFields.object(file, "cold"), "weights").has("gender_M"));
      assertTrue(ctx.metrics.get("hybrid_root_mean_squared_error") > 0);
      assertTrue(ctx.metrics.containsKey("mf_root_mean_squared_error"));
      assertTrue(ctx.metrics.containsKey("hybrid_r2_score"));
      assertTrue(ctx.metrics.get("cold_start_users") >= 1, "a random split simulates cold users");
      assertTrue(ctx.metrics.get("hybrid_cold_rmse") > 0);
      assertTrue(ctx.metrics.get("intercept_only_cold_rmse") > 0);

      QueryResult rows =
          warehouse.query(
              "SELECT model, root_mean_squared_error FROM " + HybridTable.NAME + " ORDER BY model");
      assertEquals(
          List.of("hybrid", "hybrid_cold", "intercept_only_cold", "mf"),
          rows.rows().stream().map(r -> r.get(0)).toList());
      assertEquals(
          ctx.metrics.get("hybrid_root_mean_squared_error"),
          ((Number) rows.rows().get(0).get(1)).doubleValue(),
          1e-12);

      warehouse.query("DROP VIEW " + HybridTable.NAME); // published tables are views
      new HybridComponent().publish(ctx);
      assertEquals(
          4,
          warehouse.query("SELECT * FROM " + HybridTable.NAME).rows().size(),
          "publish re-creates the table from metrics.json");
    }
  }

  @Test
  void withoutCatalogsItFallsBackToMfFeaturesAndSaysSo() throws Exception {
    Path dataset = dataset();
    Files.delete(dataset.resolve(DatasetLayout.USERS));
    Files.delete(dataset.resolve(DatasetLayout.MOVIES));
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("wh.duckdb"))) {
      Context ctx = new Context(tmp.resolve("hybrid"), warehouse);
      ctx.inputs.put("dataset", dataset);
      ctx.inputs.put("model", trainedModel(dataset, warehouse));
      ctx.parameters.put("enabled", "true");
      new HybridComponent().run(ctx);
      ObjectNode file =
          JsonFields.asObject(
              Json.parse(Files.readAllBytes(ctx.output("hybrid").resolve(HybridFiles.MODEL))));
      assertFalse(JsonFields.bool(file, "used_metadata"));
      assertTrue(
          ctx.info.stream().anyMatch(line -> line.contains("using MF features only")),
          ctx.info.toString());
      assertEquals(
          ctx.metrics.get("mf_root_mean_squared_error"),
          ctx.metrics.get("hybrid_root_mean_squared_error"),
          0.05,
          "with no metadata the warm hybrid is MF plus a constant correction");
    }
  }

  @Test
  void disabledStepRecordsDisabledAndTouchesNothingElse() throws Exception {
    Context ctx = new Context(tmp.resolve("off"), null);
    ctx.inputs.put("dataset", tmp.resolve("missing-dataset"));
    ctx.inputs.put("model", tmp.resolve("missing-model"));
    ctx.parameters.put("enabled", "false");
    new HybridComponent().run(ctx);
    ObjectNode metrics =
        JsonFields.asObject(
            Json.parse(Files.readAllBytes(ctx.output("metrics").resolve(HybridFiles.METRICS))));
    assertFalse(JsonFields.bool(metrics, "enabled"));
    assertTrue(ctx.metrics.isEmpty());
    assertTrue(ctx.info.stream().anyMatch(line -> line.contains("disabled")), ctx.info.toString());
    new HybridComponent().publish(ctx);
  }

  @Test
  void badParametersAreReportedTogether() {
    Context ctx = new Context(tmp.resolve("bad"), null);
    ctx.parameters.put("enabled", "maybe");
    ctx.parameters.put("l2_reg", "-1");
    ComponentException e =
        assertThrows(ComponentException.class, () -> new HybridComponent().run(ctx));
    assertTrue(e.getMessage().contains("enabled must be true or false"), e.getMessage());
    assertTrue(
        e.getMessage().contains("l2_reg must be a number in (0, 1000000000]"), e.getMessage());
  }
}
