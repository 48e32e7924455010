package io.recopipe.components.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.dataset.DatasetSchema;
import io.recopipe.components.readers.DatasetReader;
import io.recopipe.components.steps.FakeWarehouse;
import io.recopipe.components.steps.StepFixtures;
import io.recopipe.components.steps.TestContext;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.weights.ModelWeights;
import io.recopipe.model.weights.WeightsRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportComponentTest {
  @TempDir Path tmp;
  private Path dataset;
  private Path model;
  private TestContext ctx;

  @BeforeEach
  void export() throws Exception {
    dataset = StepFixtures.dataset(tmp.resolve("data"), 3);
    model = StepFixtures.train(dataset, tmp.resolve("train"), "4", "2.0").output("model");
    ctx =
        new TestContext(tmp.resolve("export"), "run-1")
            .input("model", model)
            .input("dataset", dataset)
            .set("top_n", "10");
    new ExportComponent().run(ctx);
  }

  @Test
  void copiesTheBundleAndReportsCounts() throws Exception {
    Path exported = ctx.output("model");
    ModelBundle bundle = ModelBundle.load(exported);
    for (var file : bundle.files()) {
      assertArrayEquals(
          Files.readAllBytes(model.resolve(file.name())),
          Files.readAllBytes(exported.resolve(file.name())));
    }
    ObjectNode report =
        JsonFields.asObject(
            Json.parse(
                Files.readAllBytes(ctx.output("report").resolve(ExportComponent.REPORT_FILE))));
    MfModel m = bundle.model();
    assertEquals(
        m.users().size() + m.items().size() + 1L, JsonFields.longValue(report, "weights_rows"));
    assertEquals(
        ctx.warehouse.table(RecommendationsTable.NAME).rows().size(),
        JsonFields.longValue(report, "recommendation_rows"));
  }

  @Test
  void weightsRowsReproducePredictions() throws Exception {
    MfModel m = ModelBundle.load(model).model();
    FakeWarehouse.Table weights = ctx.warehouse.table(WeightsTable.NAME);
    assertEquals("DOUBLE[]", weights.columns().get(2).sqlType());
    Map<String, List<Object>> users = new HashMap<>();
    Map<String, List<Object>> items = new HashMap<>();
    double global = Double.NaN;
    for (List<Object> row : weights.rows()) {
      if (row.get(0) == null) {
        assertEquals("global__intercept__", row.get(1));
        assertNull(row.get(2));
        global = (Double) row.get(3);
      } else {
        (row.get(0).equals("user_id") ? users : items).put((String) row.get(1), row);
      }
    }
    assertEquals(m.users().size(), users.size());
    assertEquals(m.items().size(), items.size());
    for (int u = 0; u < m.users().size(); u += 7) {
      for (int i = 0; i < m.items().size(); i += 5) {
        List<Object> user = users.get(m.users().id(u));
        List<Object> item = items.get(m.items().id(i));
        List<?> uf = (List<?>) user.get(2);
        List<?> vf = (List<?>) item.get(2);
        assertEquals(4, uf.size());
        double predicted = global + (Double) user.get(3) + (Double) item.get(3);
        for (int f = 0; f < uf.size(); f++) {
          predicted += (Double) uf.get(f) * (Double) vf.get(f);
        }
        assertEquals(m.predict(u, i), predicted, 1e-4);
      }
    }
  }

  @Test
  void recommendationsExcludeRatedItemsRankFromOneAndJoinTitles() throws Exception {
    Ratings train = DatasetReader.read(dataset.resolve(DatasetLayout.TRAIN)).ratings();
    Map<String, Set<String>> rated = new HashMap<>();
    for (int n = 0; n < train.size(); n++) {
      rated
          .computeIfAbsent(train.users().id(train.user(n)), k -> new HashSet<>())
          .add(train.items().id(train.item(n)));
    }
    FakeWarehouse.Table recs = ctx.warehouse.table(RecommendationsTable.NAME);
    assertEquals(RecommendationsTable.COLUMNS, recs.columns());
    Map<String, Integer> lastRank = new HashMap<>();
    Map<String, Double> lastScore = new HashMap<>();
    Set<String> catalog = new HashSet<>();
    for (String line : Files.readAllLines(dataset.resolve(DatasetLayout.MOVIES))) {
      catalog.add(line.split("\t")[0]);
    }
    boolean sawTitle = false;
    for (List<Object> row : recs.rows()) {
      String user = (String) row.get(0);
      int rank = ((Long) row.get(1)).intValue();
      String item = (String) row.get(2);
      double score = (Double) row.get(3);
      assertEquals(lastRank.getOrDefault(user, 0) + 1, rank, "ranks run 1..N per user");
      assertTrue(score <= lastScore.getOrDefault(user, Double.POSITIVE_INFINITY));
      lastRank.put(user, rank);
      lastScore.put(user, score);
      assertFalse(rated.getOrDefault(user, Set.of()).contains(item), user + " rated " + item);
      if (catalog.contains(item)) {
        assertEquals("Movie " + item + " (1995)", row.get(4));
        assertEquals("Comedy|Drama", row.get(5));
        sawTitle = true;
      } else {
        assertNull(row.get(4));
        assertNull(row.get(5));
      }
    }
    assertTrue(sawTitle);
    assertEquals(60, lastRank.size());
    lastRank.values().forEach(n -> assertEquals(10, n));
  }

  @Test
  void publishRecreatesBothTables() throws Exception {
    List<List<Object>> weights = ctx.warehouse.table(WeightsTable.NAME).rows();
    List<List<Object>> recs = ctx.warehouse.table(RecommendationsTable.NAME).rows();
    ctx.warehouse.tables.clear();
    new ExportComponent().publish(ctx);
    assertEquals(weights, ctx.warehouse.table(WeightsTable.NAME).rows());
    assertEquals(recs, ctx.warehouse.table(RecommendationsTable.NAME).rows());
  }

  @Test
  void bundleRatedItemsGiveTheSameRecommendationsAsTheTrainSplit() throws Exception {
    Path recorded = Files.createDirectories(tmp.resolve("data-with-schema"));
    try (var files = Files.list(dataset)) {
      for (Path file : files.toList()) {
        Files.copy(file, recorded.resolve(file.getFileName()));
      }
    }
    Ratings all = DatasetReader.read(dataset.resolve(DatasetLayout.RATINGS)).ratings();
    long trainRows = DatasetReader.read(dataset.resolve(DatasetLayout.TRAIN)).ratings().size();
    Files.writeString(
        recorded.resolve(DatasetLayout.SCHEMA),
        Json.pretty(
            DatasetSchema.of(all, trainRows, all.size() - trainRows, "test", "test").toJson()));
    assertTrue(ModelBundle.load(model).ratedItems().isPresent(), "train stores rated items");
    TestContext fromBundle =
        new TestContext(tmp.resolve("export-2"), "run-2")
            .input("model", model)
            .input("dataset", recorded)
            .set("top_n", "10");
    new ExportComponent().run(fromBundle);
    assertEquals(
        ctx.warehouse.table(RecommendationsTable.NAME).rows(),
        fromBundle.warehouse.table(RecommendationsTable.NAME).rows());
    assertEquals(
        ctx.warehouse.table(WeightsTable.NAME).rows(),
        fromBundle.warehouse.table(WeightsTable.NAME).rows());
  }

  @Test
  void weightsRowsHoldTheModelWeightsRowsValues() throws Exception {
    ModelBundle bundle = ModelBundle.load(model);
    ModelWeights weights = ModelWeights.of(bundle.model(), "user_id", "item_id");
    List<WeightsRow> expected = weights.rows();
    List<List<Object>> rows = WeightsTable.rows(weights);
    assertEquals(expected.size(), rows.size());
    for (int n = 0; n < rows.size(); n++) {
      WeightsRow row = expected.get(n);
      List<Object> actual = rows.get(n);
      assertEquals(row.processedInput(), actual.get(0));
      assertEquals(row.feature(), actual.get(1));
      assertEquals(
          row.isGlobalIntercept() ? null : WeightsTable.factorWeights((List<?>) actual.get(2)),
          row.isGlobalIntercept() ? null : row.factorWeights());
      assertEquals(row.intercept(), actual.get(3));
    }
  }
}
