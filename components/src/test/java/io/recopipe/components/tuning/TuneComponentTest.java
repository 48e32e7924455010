package io.recopipe.components.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.testing.RecordingStepContext;
import io.recopipe.components.train.TrainComponent;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.components.writers.TsvRatingsWriter;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.io.JsonFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneComponentTest {
  @TempDir Path tmp;
  private DuckDbWarehouse warehouse;
  private Path dataset;

  @BeforeEach
  void setUp() throws Exception {
    warehouse = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"));
    dataset = Files.createDirectories(tmp.resolve("dataset"));
    Ratings train = PlantedData.generate(120, 80, 0.25, 0.5, 5);
    TsvRatingsWriter.write(train, dataset.resolve(DatasetLayout.TRAIN));
    Files.writeString(dataset.resolve(DatasetLayout.EVAL), "u1\ti1\t5\t0\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    warehouse.close();
  }

  private Context tune(String dir, String... keyValues) throws ComponentException {
    Context ctx = new Context(tmp.resolve(dir), warehouse);
    ctx.inputs.put("dataset", dataset);
    for (int i = 0; i < keyValues.length; i += 2) {
      ctx.parameters.put(keyValues[i], keyValues[i + 1]);
    }
    new TuneComponent().run(ctx);
    return ctx;
  }

  @Test
  void writesTrialsBestOptionsAndTheTrialsTable() throws Exception {
    Context ctx =
        tune(
            "run",
            "num_trials",
            "6",
            "max_parallel_trials",
            "2",
            "max_iterations",
            "8",
            "threads",
            "1",
            "num_factors_range",
            "4,12");
    Path out = ctx.output("tuning");
    ObjectNode trials = TuningFiles.read(out.resolve(TuningFiles.TRIALS));
    assertEquals("mean_squared_error", JsonFields.string(trials, "objective"));
    assertEquals(6, JsonFields.array(trials, "trials").size());
    ObjectNode best = TuningFiles.read(out.resolve(TuningFiles.BEST_OPTIONS));
    assertTrue(JsonFields.bool(best, "tuned"));
    assertFalse(best.has("wals_alpha"), "explicit runs do not tune wals_alpha");

    QueryResult table =
        warehouse.query(
            "SELECT trial_id, num_factors, l2_reg, objective, "
                + "objective_value, status, is_optimal FROM trials ORDER BY trial_id");
    assertEquals(6, table.rows().size());
    List<Object> optimal =
        table.rows().stream().filter(r -> (Boolean) r.get(6)).findFirst().orElseThrow();
    assertEquals(JsonFields.longValue(best, "trial_id"), ((Number) optimal.get(0)).longValue());
    assertEquals(JsonFields.intValue(best, "num_factors"), ((Number) optimal.get(1)).intValue());
    assertEquals(JsonFields.doubleValue(best, "objective_value"), (Double) optimal.get(4), 1e-12);
    for (List<Object> row : table.rows()) {
      assertEquals("SUCCEEDED", row.get(5));
      assertTrue((Double) row.get(4) >= (Double) optimal.get(4));
    }
    assertTrue(
        ctx.info.stream().anyMatch(l -> l.contains("eval.tsv is not read")), ctx.info.toString());
  }

  @Test
  void theEvalSplitNeverInfluencesTuning() throws Exception {
    Context with = tune("with-eval", "num_trials", "3", "max_iterations", "5", "threads", "1");
    Files.delete(dataset.resolve(DatasetLayout.EVAL));
    Context without = tune("no-eval", "num_trials", "3", "max_iterations", "5", "threads", "1");
    assertEquals(
        TuningFiles.read(with.output("tuning").resolve(TuningFiles.BEST_OPTIONS)),
        TuningFiles.read(without.output("tuning").resolve(TuningFiles.BEST_OPTIONS)));
  }

  @Test
  void oneTrialPassesTheTrainOptionsThroughWithoutTraining() throws Exception {
    Context ctx = tune("off");
    ObjectNode best = TuningFiles.read(ctx.output("tuning").resolve(TuningFiles.BEST_OPTIONS));
    assertFalse(JsonFields.bool(best, "tuned"));
    assertEquals(
        0,
        JsonFields.array(
                TuningFiles.read(ctx.output("tuning").resolve(TuningFiles.TRIALS)), "trials")
            .size());
    assertEquals(0, warehouse.query("SELECT * FROM trials").rows().size());

    Context train = train(ctx.output("tuning"));
    assertEquals(5, ModelBundle.load(train.output("model")).model().numFactors());
    assertTrue(train.info.stream().anyMatch(l -> l.contains("tuning was off")));
  }

  @Test
  void trainRetrainsWithTheBestTrialsOptions() throws Exception {
    Context ctx =
        tune(
            "run",
            "num_trials",
            "4",
            "max_iterations",
            "5",
            "threads",
            "1",
            "num_factors_range",
            "8,12");
    ObjectNode best = TuningFiles.read(ctx.output("tuning").resolve(TuningFiles.BEST_OPTIONS));
    Context train = train(ctx.output("tuning"));
    ModelBundle bundle = ModelBundle.load(train.output("model"));
    assertEquals(JsonFields.intValue(best, "num_factors"), bundle.model().numFactors());
    assertEquals(
        JsonFields.doubleValue(best, "l2_reg"),
        ((Number) bundle.manifest().options().get("l2_reg")).doubleValue(),
        1e-12);
    assertTrue(
        train.info.stream()
            .anyMatch(
                l ->
                    l.startsWith(
                        "options from tuning (trial " + JsonFields.longValue(best, "trial_id"))),
        train.info.toString());
  }

  @Test
  void refusesBadOptionsBeforeTraining() {
    ComponentException e =
        assertThrows(
            ComponentException.class, () -> tune("bad", "num_trials", "0", "l2_reg_range", "5,1"));
    assertTrue(
        e.getMessage().startsWith("tune: num_trials must be an integer in 1..100"), e.getMessage());
    assertTrue(e.getMessage().contains("l2_reg_range"));
  }

  private Context train(Path tuning) throws ComponentException {
    Context ctx = new Context(tmp.resolve("train"), warehouse);
    ctx.inputs.put("dataset", dataset);
    ctx.inputs.put("tuning", tuning);
    ctx.parameters.put("num_factors", "5");
    ctx.parameters.put("max_iterations", "3");
    ctx.parameters.put("threads", "1");
    new TrainComponent().run(ctx);
    return ctx;
  }

  private static final class Context extends RecordingStepContext {
    private final Warehouse warehouse;

    Context(Path root, Warehouse warehouse) {
      super("tune", "run-1", root, root.resolve("cache"));
      this.warehouse = warehouse;
    }

    @Override
    protected Warehouse warehouseOrNull() {
      return warehouse;
    }
  }
}
