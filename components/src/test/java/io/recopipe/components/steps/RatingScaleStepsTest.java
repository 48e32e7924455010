package io.recopipe.components.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.components.evaluate.EvaluateComponent;
import io.recopipe.components.export.ExportComponent;
import io.recopipe.components.ingest.IngestComponent;
import io.recopipe.components.testing.RecordingStepContext;
import io.recopipe.components.train.TrainComponent;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.metrics.RegressionEvaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Half-star and 0..100 data go from ingest through train, evaluate and export with a real
 * warehouse, each step reading the dataset by its schema and clamping to the range ingest found.
 */
class RatingScaleStepsTest {
  private static final RatingRange HALF_STARS = new RatingRange(0.5f, 5f);
  private static final RatingRange PERCENT = new RatingRange(0, 100);

  @TempDir Path tmp;
  private DuckDbWarehouse warehouse;

  /** A step context sharing the test's DuckDB warehouse. */
  private final class Context extends RecordingStepContext {
    Context(String step, Map<String, Path> inputs, Map<String, String> parameters) {
      super(step, "run-1", tmp.resolve(step), tmp.resolve("cache"));
      this.inputs.putAll(inputs);
      this.parameters.putAll(parameters);
    }

    @Override
    protected Warehouse warehouseOrNull() {
      return warehouse;
    }
  }

  @BeforeEach
  void openWarehouse() throws Exception {
    warehouse = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"));
  }

  @AfterEach
  void closeWarehouse() throws Exception {
    warehouse.close();
  }

  /**
   * A CSV of 80 users × 60 items (about half rated) whose ratings are {@code scale} applied to a
   * user effect plus an item effect in 0..1 each.
   */
  private Path csv(String header, DoubleUnaryOperator scale) throws Exception {
    Random random = new Random(11);
    double[] users = random.doubles(80).toArray();
    double[] items = random.doubles(60).toArray();
    StringBuilder csv = new StringBuilder(header).append('\n');
    for (int u = 0; u < users.length; u++) {
      for (int i = 0; i < items.length; i++) {
        if (random.nextDouble() < 0.5) {
          csv.append(
              String.format(
                  Locale.ROOT,
                  "%d,%d,%s,%d%n",
                  u + 1,
                  i + 1,
                  Double.toString(scale.applyAsDouble(users[u] + items[i])),
                  964982703L + u * 97 + i));
        }
      }
    }
    Path file = tmp.resolve("data/ratings.csv");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, csv);
  }

  private Path ingest(Path csv, Map<String, String> parameters) throws Exception {
    Context ingest = new Context("ingest", Map.of(), parameters);
    ingest.parameters.put("source", csv.toString());
    new IngestComponent().run(ingest);
    return ingest.output(IngestComponent.DATASET);
  }

  private Path train(Path dataset) throws Exception {
    Context train =
        new Context(
            "train",
            Map.of("dataset", dataset),
            Map.of(
                "num_factors",
                "3",
                "l2_reg",
                "0.05",
                "max_iterations",
                "8",
                "threads",
                "2",
                "early_stop",
                "false"));
    new TrainComponent().run(train);
    return train.output("model");
  }

  private Context evaluate(Path dataset, Path model) throws Exception {
    Context evaluate =
        new Context("evaluate", Map.of("dataset", dataset, "model", model), Map.of());
    new EvaluateComponent().run(evaluate);
    return evaluate;
  }

  private List<Object> exportedRange(Path dataset, Path model) throws Exception {
    new ExportComponent()
        .run(
            new Context(
                "export", Map.of("dataset", dataset, "model", model), Map.of("top_n", "10")));
    return warehouse
        .query(
            "SELECT MIN(predicted_rating), MAX(predicted_rating), COUNT(*) "
                + "FROM recommendations")
        .rows()
        .get(0);
  }

  private static Ratings eval(Path dataset) throws Exception {
    return IngestedDataset.open(dataset).split(DatasetLayout.EVAL).orElseThrow();
  }

  @Test
  void halfStarsTrainEvaluateAndExport() throws Exception {
    Path dataset =
        ingest(
            csv(
                "userId,movieId,rating,timestamp",
                x -> Math.max(0.5, Math.min(5, Math.round(x * 4.5 * 2) / 2.0))),
            Map.of());
    assertEquals(HALF_STARS, IngestedDataset.open(dataset).ratingRange());
    Path model = train(dataset);
    ModelBundle bundle = ModelBundle.load(model);
    assertEquals(Optional.of(HALF_STARS), bundle.manifest().ratingRange());
    Context evaluate = evaluate(dataset, model);
    double rmse = evaluate.metrics.get("root_mean_squared_error");
    assertEquals(
        RegressionEvaluator.forRange(HALF_STARS)
            .evaluate(bundle.model(), eval(dataset))
            .get("root_mean_squared_error"),
        rmse,
        1e-12);
    assertTrue(rmse < 0.6, "rmse " + rmse);
    List<Object> exported = exportedRange(dataset, model);
    assertTrue(
        (double) exported.get(0) >= 0.5 && (double) exported.get(1) <= 5.0, exported.toString());
    assertEquals(800L, ((Number) exported.get(2)).longValue());
  }

  @Test
  void zeroToAHundredIsClampedToTheRangeIngestFound() throws Exception {
    // scores saturate at 0 and 100, so an additive model overshoots at both ends
    Path dataset =
        ingest(
            csv(
                "who,what,score,when",
                x -> Math.max(0, Math.min(100, Math.round((x - 0.2) * 75 * 1000) / 1000.0))),
            Map.of(
                "user_col",
                "who",
                "item_col",
                "what",
                "rating_col",
                "score",
                "timestamp_col",
                "when"));
    RatingRange range = IngestedDataset.open(dataset).ratingRange();
    assertEquals(PERCENT, range);
    Path model = train(dataset);
    ModelBundle bundle = ModelBundle.load(model);
    assertEquals(Optional.of(range), bundle.manifest().ratingRange());
    double rmse = evaluate(dataset, model).metrics.get("root_mean_squared_error");
    assertEquals(
        RegressionEvaluator.forRange(range)
            .evaluate(bundle.model(), eval(dataset))
            .get("root_mean_squared_error"),
        rmse,
        1e-12);
    assertNotEquals(
        RegressionEvaluator.create()
            .unclipped()
            .evaluate(bundle.model(), eval(dataset))
            .get("root_mean_squared_error"),
        rmse,
        "no prediction was clamped");
    List<Object> exported = exportedRange(dataset, model);
    assertTrue((double) exported.get(0) >= range.min(), exported.toString());
    assertEquals(100.0, (double) exported.get(1), "the top recommendations are clamped to 100");
  }
}
