package io.recopipe.components.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.components.steps.FakeWarehouse;
import io.recopipe.components.steps.StepFixtures;
import io.recopipe.components.steps.TestContext;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.mf.MfModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainComponentTest {
  @TempDir Path tmp;

  @Test
  void writesLoadableBundleAndTrainingInfo() throws Exception {
    Path dataset = StepFixtures.dataset(tmp.resolve("data"), 7);
    TestContext ctx = StepFixtures.train(dataset, tmp.resolve("a"), "4", "2.0");

    ModelBundle bundle = ModelBundle.load(ctx.output("model"));
    assertEquals(4, bundle.model().numFactors());
    assertEquals(6, bundle.manifest().trainingInfo().size());
    assertNull(bundle.manifest().provenance().createdAt(), "no time inside the bundle");
    assertNull(bundle.manifest().provenance().runId(), "no run inside the bundle");
    assertEquals(42L, bundle.manifest().provenance().seed());
    assertTrue(bundle.manifest().metrics().containsKey("eval_root_mean_squared_error"));

    FakeWarehouse.Table info = ctx.warehouse.table(TrainingInfoTable.NAME);
    assertEquals(TrainingInfoTable.COLUMNS, info.columns());
    assertEquals(6, info.rows().size());
    for (int i = 0; i < 6; i++) {
      List<Object> row = info.rows().get(i);
      assertEquals(0L, row.get(0));
      assertEquals((long) i, row.get(1));
      assertEquals(bundle.manifest().trainingInfo().get(i).loss(), (Double) row.get(2), 0);
      assertNotNull(row.get(3), "eval_loss");
      assertNull(row.get(4), "learning_rate");
      assertNotNull(row.get(5), "duration_ms of the execution that trained");
    }
    assertEquals(6, ctx.progress.size());
    assertTrue(
        ctx.progress
            .get(2)
            .matches("iteration 2 loss \\d+\\.\\d{4} eval_loss \\d+\\.\\d{4}" + " \\(\\d+ ms\\)"),
        ctx.progress.get(2));
    assertTrue(ctx.metrics.containsKey("eval_root_mean_squared_error"));
    assertTrue(ctx.metrics.containsKey("fit_seconds"));
  }

  @Test
  void gibbsOnlyOptionsAreIgnoredWithANoteUnderAnotherMethod() throws Exception {
    Path dataset = StepFixtures.dataset(tmp.resolve("data"), 7);
    TestContext ctx =
        new TestContext(tmp.resolve("g"), "run-1")
            .input("dataset", dataset)
            .set("method", "als")
            .set("num_factors", "4")
            .set("num_samples", "33")
            .set("burn_in_iterations", "40")
            .set("max_iterations", "3")
            .set("threads", "1");
    new TrainComponent().run(ctx);
    assertEquals(4, ModelBundle.load(ctx.output("model")).model().numFactors());
    assertTrue(
        ctx.info.stream()
            .anyMatch(
                l ->
                    l.equals(
                        "ignored num_samples, "
                            + "burn_in_iterations: only method gibbs reads them")),
        ctx.info.toString());
  }

  @Test
  void publishRecreatesTrainingInfoFromTheBundle() throws Exception {
    Path dataset = StepFixtures.dataset(tmp.resolve("data"), 7);
    TestContext ctx = StepFixtures.train(dataset, tmp.resolve("a"), "4", "2.0");
    List<List<Object>> trained = ctx.warehouse.table(TrainingInfoTable.NAME).rows();
    ctx.warehouse.tables.clear();

    new TrainComponent().publish(ctx);

    List<List<Object>> published = ctx.warehouse.table(TrainingInfoTable.NAME).rows();
    assertEquals(trained.size(), published.size());
    for (int i = 0; i < trained.size(); i++) {
      assertEquals(trained.get(i).subList(0, 5), published.get(i).subList(0, 5));
      assertNull(published.get(i).get(5), "durations are not in the bundle");
    }
  }

  @Test
  void bundleIsByteIdenticalAcrossRunsAndHomes() throws Exception {
    Path dataset = StepFixtures.dataset(tmp.resolve("data"), 7);
    Path first = StepFixtures.train(dataset, tmp.resolve("a"), "4", "2.0").output("model");
    Path second = StepFixtures.train(dataset, tmp.resolve("b"), "4", "2.0").output("model");
    List<String> names = names(first);
    assertEquals(names, names(second));
    assertTrue(names.contains("manifest.json"));
    for (String name : names) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)), name);
    }
  }

  @Test
  void rejectsUnknownOptionsInOneLine() throws Exception {
    Path dataset = StepFixtures.dataset(tmp.resolve("data"), 7);
    TestContext ctx =
        new TestContext(tmp.resolve("a"), "run-1")
            .input("dataset", dataset)
            .set("learnin_rate", "0.1")
            .set("num_factors", "4");
    ComponentException e =
        assertThrows(ComponentException.class, () -> new TrainComponent().run(ctx));
    assertTrue(e.getMessage().startsWith("train.learnin_rate: unknown option ("), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertTrue(ctx.warehouse.tables.isEmpty());
    assertFalse(Files.exists(tmp.resolve("a/model/manifest.json")));
  }

  @Test
  void rejectsOutOfRangeOptionsInOneLine() throws Exception {
    Path dataset = StepFixtures.dataset(tmp.resolve("data"), 7);
    TestContext ctx =
        new TestContext(tmp.resolve("a"), "run-1")
            .input("dataset", dataset)
            .set("num_factors", "500")
            .set("l2_reg", "-1");
    ComponentException e =
        assertThrows(ComponentException.class, () -> new TrainComponent().run(ctx));
    assertTrue(e.getMessage().startsWith("train: num_factors must be in 2..200"), e.getMessage());
    assertTrue(e.getMessage().contains("l2_reg must be"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void autoOnSmallDataSamplesAndExportsTheCompressedMean() throws Exception {
    Path dataset = StepFixtures.dataset(tmp.resolve("data"), 7);
    TestContext ctx =
        new TestContext(tmp.resolve("auto"), "run-1")
            .input("dataset", dataset)
            .set("method", "auto")
            .set("threads", "2");
    new TrainComponent().run(ctx);
    ModelBundle bundle = ModelBundle.load(ctx.output("model"));
    assertEquals(64, bundle.model().numFactors(), "198 sampled factors exported as 64");
    assertEquals("gibbs", bundle.manifest().options().get("method"));
    assertEquals(198L, ((Number) bundle.manifest().options().get("sampled_factors")).longValue());
    assertTrue(
        ctx.progress.stream()
            .anyMatch(
                l ->
                    l.startsWith(
                        "auto chose gibbs (6 factors x "
                            + "33 samples, exported as 64, 172 iterations) for 2,160 ratings")),
        ctx.progress.toString());
    // the same fit outside the step keeps the uncompressed predictive mean to compare with
    Ratings train = IngestedDataset.open(dataset).split(DatasetLayout.TRAIN).orElseThrow();
    AlsResult fit =
        new AlsTrainer(AlsOptions.fromMap(Map.of("method", "auto", "threads", "2"))).fit(train);
    MfModel sampled = fit.sampledModel();
    assertArrayEquals(fit.model().userFactors(), bundle.model().userFactors());
    double worst = 0;
    for (String user : train.users().ids()) {
      for (String item : train.items().ids()) {
        worst =
            Math.max(
                worst, Math.abs(bundle.model().predict(user, item) - sampled.predict(user, item)));
      }
    }
    // 60 users: the predictive mean has rank <= 60, so 64 factors keep it to float rounding
    assertTrue(worst < 1e-4, "largest difference from the sampled mean " + worst);
  }

  @Test
  void implicitFeedbackUnderAutoTrainsWeightedAls() throws Exception {
    Path dataset = StepFixtures.dataset(tmp.resolve("data"), 7);
    TestContext ctx =
        new TestContext(tmp.resolve("implicit"), "run-1")
            .input("dataset", dataset)
            .set("method", "auto")
            .set("feedback_type", "implicit")
            .set("num_samples", "33")
            .set("max_iterations", "3")
            .set("threads", "1");
    new TrainComponent().run(ctx);
    ModelBundle bundle = ModelBundle.load(ctx.output("model"));
    assertEquals("IMPLICIT", bundle.manifest().feedbackType());
    assertEquals("als", bundle.manifest().options().get("method"));
    assertTrue(
        ctx.progress.stream().anyMatch(l -> l.startsWith("auto chose als (weighted ALS, ")),
        ctx.progress.toString());
    assertTrue(
        ctx.info.stream()
            .anyMatch(
                l ->
                    l.equals(
                        "ignored num_samples: only method gibbs"
                            + " reads it, and auto chose als")),
        ctx.info.toString());
  }
}
