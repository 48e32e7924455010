package io.recopipe.infra.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.components.api.ComponentException;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.BundleReader;
import io.recopipe.model.bundle.BundleWriter;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.Recommendation;
import io.recopipe.model.scoring.Recommender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BqmlTrainingEngineTest {
  private static final String[] USERS = {"u1", "u2", "u3"};
  private static final String[] ITEMS = {"i10", "i20", "i30", "i40"};

  /** Hand-written weights, all exact in float32: factors per user/item, then intercepts. */
  private static final double GLOBAL = 3.5;

  private static final double[][] USER_FACTORS = {{1.0, 0.5}, {-0.5, 1.0}, {0.25, -1.0}};
  private static final double[] USER_INTERCEPTS = {0.25, -0.125, 0.0};
  private static final double[][] ITEM_FACTORS = {
    {0.5, 0.5}, {1.0, -0.5}, {-1.0, 0.25}, {0.0, 1.5}
  };
  private static final double[] ITEM_INTERCEPTS = {0.125, -0.25, 0.5, 0.0625};

  private static final String WEIGHTS_FIELDS =
      "[{\"name\":\"processed_input\","
          + "\"type\":\"STRING\"},{\"name\":\"feature\",\"type\":\"STRING\"},"
          + "{\"name\":\"factor_weights\",\"type\":\"RECORD\","
          + "\"mode\":\"REPEATED\",\"fields\":[{\"name\":\"factor\",\"type\":\"INTEGER\"},"
          + "{\"name\":\"weight\",\"type\":\"FLOAT\"}]},{\"name\":\"intercept\",\"type\":\"FLOAT\"}]";
  private static final String TRAINING_INFO_FIELDS =
      "[{\"name\":\"training_run\","
          + "\"type\":\"INTEGER\"},{\"name\":\"iteration\",\"type\":\"INTEGER\"},"
          + "{\"name\":\"loss\",\"type\":\"FLOAT\"},{\"name\":\"eval_loss\",\"type\":\"FLOAT\"},"
          + "{\"name\":\"learning_rate\",\"type\":\"FLOAT\"},{\"name\":\"duration_ms\","
          + "\"type\":\"INTEGER\"}]";
  private static final String EVALUATE_FIELDS =
      "[{\"name\":\"mean_absolute_error\","
          + "\"type\":\"FLOAT\"},{\"name\":\"mean_squared_error\",\"type\":\"FLOAT\"},"
          + "{\"name\":\"mean_squared_log_error\",\"type\":\"FLOAT\"},"
          + "{\"name\":\"median_absolute_error\",\"type\":\"FLOAT\"},"
          + "{\"name\":\"r2_score\",\"type\":\"FLOAT\"},{\"name\":\"explained_variance\","
          + "\"type\":\"FLOAT\"}]";

  private BigQueryStub stub;
  private BqmlTrainingEngine engine;
  private RecordingStepContext context;

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  @BeforeEach
  void start() throws Exception {
    stub = new BigQueryStub();
    engine =
        new BqmlTrainingEngine(
            stub.client("recopipe-demo"),
            BigQueryWarehouseTest.CONFIG,
            "recopipe_mf",
            Duration.ofSeconds(30));
    context = new RecordingStepContext(dir);
    stub.answer(
            "ML.TRAINING_INFO",
            TRAINING_INFO_FIELDS,
            List.of(
                Arrays.asList(0, 2, 0.41, null, null, 950),
                Arrays.asList(0, 0, 1.92, null, null, 1200),
                Arrays.asList(0, 1, 0.57, null, null, 1010)))
        .answer("ML.EVALUATE", EVALUATE_FIELDS, List.of(List.of(0.71, 0.81, 0.02, 0.6, 0.3, 0.31)))
        .answer("ML.WEIGHTS", WEIGHTS_FIELDS, scrambledWeightRows());
  }

  @AfterEach
  void stop() {
    assertEquals(List.of(), stub.unrouted(), "requests the real API would not understand");
    stub.close();
  }

  @Test
  void trainsWithCreateModelOnIngestsTrainTableAndReadsTheModelBack() throws Exception {
    Ratings train = train();
    stub.table("train", train.size());
    AlsOptions options =
        AlsOptions.fromMap(Map.of("num_factors", "2", "l2_reg", "9.83", "max_iterations", "5"));

    AlsResult fit = engine.fit(train, eval(), options, context);

    List<String> queries = stub.queries();
    assertEquals(
        List.of(
            "CREATE OR REPLACE MODEL `recopipe-demo.recopipe.recopipe_mf__rrun_1`\n"
                + "OPTIONS(model_type='matrix_factorization', feedback_type='EXPLICIT', num_factors=2, "
                + "l2_reg=9.83, max_iterations=5, early_stop=TRUE, min_rel_progress=0.01, "
                + "user_col='user_id', item_col='item_id', rating_col='rating', "
                + "data_split_method='NO_SPLIT')\n"
                + "AS SELECT user_id, item_id, rating FROM `recopipe-demo.recopipe.train`",
            "SELECT * FROM ML.TRAINING_INFO(MODEL `recopipe-demo.recopipe.recopipe_mf__rrun_1`)",
            "SELECT * FROM ML.EVALUATE(MODEL `recopipe-demo.recopipe.recopipe_mf__rrun_1`, "
                + "(SELECT user_id, item_id, rating FROM "
                + "`recopipe-demo.recopipe.bqml_eval__rrun_1`))",
            "SELECT * FROM ML.WEIGHTS(MODEL `recopipe-demo.recopipe.recopipe_mf__rrun_1`)"),
        queries);

    JsonNode create =
        stub.requests().stream()
            .filter(r -> r.method().equals("POST") && r.body().contains("CREATE OR REPLACE MODEL"))
            .findFirst()
            .orElseThrow()
            .json();
    assertTrue(create.at("/jobReference/jobId").asText().startsWith("recopipe_create_model_"));
    assertEquals("EU", create.at("/jobReference/location").asText());
    assertFalse(create.at("/configuration/query/useLegacySql").asBoolean(true));
    assertTrue(
        create.at("/configuration/query/destinationTable").isMissingNode(),
        "DDL has no destination table");

    // eval had no table of its own size: its ratings were loaded first, as JSON rows
    JsonNode load =
        stub.jobConfigurations().stream()
            .filter(c -> c.has("load"))
            .findFirst()
            .orElseThrow()
            .get("load");
    assertEquals("bqml_eval__rrun_1", load.at("/destinationTable/tableId").asText());
    assertEquals("WRITE_TRUNCATE", load.get("writeDisposition").asText());
    assertEquals(
        List.of(
            "{\"user_id\":\"u1\",\"item_id\":\"i30\",\"rating\":3.0,"
                + "\"timestamp\":500}\n{\"user_id\":\"u3\",\"item_id\":\"i20\",\"rating\":4.5,"
                + "\"timestamp\":501}\n"),
        stub.uploadedTexts());

    assertEquals(
        List.of(
            new TrainingIteration(0, 1.92, Double.NaN, Double.NaN, 1200),
            new TrainingIteration(1, 0.57, Double.NaN, Double.NaN, 1010),
            new TrainingIteration(2, 0.41, 0.81, Double.NaN, 950)),
        fit.trainingInfo());
    assertTrue(fit.stoppedEarly(), "3 of 5 iterations");
    assertEquals(2, fit.numFactors());
    assertEquals(train.fingerprint(), fit.dataFingerprint());
    assertEquals(train.size(), fit.trainingRows());
    assertEquals(0.81, context.metrics.get("bigquery_ml_mean_squared_error"));
    assertEquals(0.31, context.metrics.get("bigquery_ml_explained_variance"));
    assertTrue(
        context.log.stream()
            .anyMatch(
                line ->
                    line.matches(
                        "CREATE MODEL `recopipe-demo"
                            + "\\.recopipe\\.recopipe_mf__rrun_1`: job recopipe_create_model_[0-9a-f]{32}, "
                            + "1048576 bytes "
                            + "processed, 10485760 billed")),
        context.log.toString());

    MfModel model = fit.model();
    assertEquals(List.of(USERS), model.users().ids(), "users in the training ratings' order");
    assertEquals(List.of(ITEMS), model.items().ids(), "items in the training ratings' order");
    assertPredictsTheFormula(model);
  }

  @Test
  void theBundleServesTheHandComputedTopK(@TempDir Path dir) throws Exception {
    Ratings train = train();
    stub.table("train", train.size());
    AlsResult fit =
        engine.fit(train, null, AlsOptions.fromMap(Map.of("num_factors", "2")), context);
    assertFalse(
        stub.queries().stream().anyMatch(q -> q.contains("ML.EVALUATE")),
        "no eval set, no ML.EVALUATE");

    BundleWriter.write(dir.resolve("bundle"), fit.model(), BundleManifest.forFit(fit).build());
    ModelBundle bundle = BundleReader.read(dir.resolve("bundle"));
    assertPredictsTheFormula(bundle.model());
    assertEquals(fit.trainingInfo().size(), bundle.manifest().trainingInfo().size());

    for (int u = 0; u < USERS.length; u++) {
      Recommendation top = Recommender.of(bundle.model()).recommend(USERS[u], 3, false);
      assertEquals(handRanking(u).subList(0, 3), top.itemIds(), USERS[u]);
    }
    // by hand: u1 scores i10 4.625, i40 4.5625, i20 4.25, i30 3.375
    assertEquals(List.of("i10", "i40", "i20", "i30"), handRanking(0));
  }

  @Test
  void loadsTheGivenRatingsWhenIngestsTableDoesNotMatch() throws Exception {
    Ratings train = train();
    stub.table("train", train.size() + 1);
    engine.fit(train, null, AlsOptions.fromMap(Map.of("num_factors", "2")), context);
    assertTrue(
        stub.queries().get(0).endsWith("FROM `recopipe-demo.recopipe.bqml_train__rrun_1`"),
        stub.queries().get(0));
    assertEquals(train.size(), stub.uploadedTexts().get(0).lines().count());
  }

  @Test
  void readsTheRunsStagedTrainTableBeforeThePublishedOne() throws Exception {
    Ratings train = train();
    stub.table("train", train.size()).table("staging__rrun_1__train", train.size());
    engine.fit(train, null, AlsOptions.fromMap(Map.of("num_factors", "2")), context);
    assertTrue(
        stub.queries().get(0).endsWith("FROM `recopipe-demo.recopipe.staging__rrun_1__train`"),
        stub.queries().get(0));
    assertTrue(stub.uploadedTexts().isEmpty(), "nothing is uploaded");
  }

  @Test
  void eachRunFitsItsOwnModelSoConcurrentRunsNeverShareOne() {
    assertEquals(
        "recopipe_mf__rmovielens_mf_20261203_030000",
        engine.modelOf("movielens-mf-20261203-030000"));
    assertEquals(
        "recopipe_mf__rmovielens_mf_20261203_030001",
        engine.modelOf("movielens-mf-20261203-030001"));
  }

  @Test
  void refusesLocalOnlyOptionsBeforeStartingAnyJob() {
    ComponentException e =
        assertThrows(
            ComponentException.class,
            () -> engine.fit(train(), null, AlsOptions.fromMap(Map.of("method", "vb")), context));
    assertTrue(
        e.getMessage().startsWith("train: train.engine=bigquery_ml cannot honour method vb"),
        e.getMessage());
    assertTrue(stub.requests().isEmpty());
  }

  @Test
  void aFailedCreateModelNamesTheModelJobAndReason() {
    stub.table("train", 8)
        .fail(
            "CREATE OR REPLACE MODEL",
            "accessDenied",
            "Matrix factorization models require a reservation");
    ComponentException e =
        assertThrows(
            ComponentException.class,
            () ->
                engine.fit(train(), null, AlsOptions.fromMap(Map.of("num_factors", "2")), context));
    assertTrue(
        e.getMessage()
            .matches(
                "train: BigQuery ML model recopipe_mf__rrun_1 \\(job "
                    + "recopipe_create_model_[0-9a-f]{32}\\): accessDenied: Matrix factorization models "
                    + "require a reservation"),
        e.getMessage());
  }

  @Test
  void aFactorCountOtherThanRequestedIsRefused() {
    stub.table("train", 8);
    ComponentException e =
        assertThrows(
            ComponentException.class,
            () ->
                engine.fit(train(), null, AlsOptions.fromMap(Map.of("num_factors", "3")), context));
    assertEquals(
        "train: BigQuery ML model `recopipe-demo.recopipe.recopipe_mf__rrun_1` has 2 "
            + "factors, "
            + "but num_factors=3 was requested",
        e.getMessage());
  }

  /** Every (user, item) predicts global + user intercept + item intercept + dot product. */
  private static void assertPredictsTheFormula(MfModel model) {
    for (int u = 0; u < USERS.length; u++) {
      for (int i = 0; i < ITEMS.length; i++) {
        assertEquals(
            byHand(u, i), model.predict(USERS[u], ITEMS[i]), 1e-6, USERS[u] + "," + ITEMS[i]);
      }
    }
  }

  private static double byHand(int u, int i) {
    return GLOBAL
        + USER_INTERCEPTS[u]
        + ITEM_INTERCEPTS[i]
        + USER_FACTORS[u][0] * ITEM_FACTORS[i][0]
        + USER_FACTORS[u][1] * ITEM_FACTORS[i][1];
  }

  private static List<String> handRanking(int u) {
    List<Integer> items = new ArrayList<>(List.of(0, 1, 2, 3));
    items.sort(Comparator.comparingDouble(i -> -byHand(u, i)));
    return items.stream().map(i -> ITEMS[i]).toList();
  }

  /** 8 ratings; users and items first appear in the order u1..u3, i10..i40. */
  private static Ratings train() {
    return new RatingsBuilder()
        .add("u1", "i10", 5, 1)
        .add("u1", "i20", 4, 2)
        .add("u2", "i30", 2, 3)
        .add("u2", "i10", 3, 4)
        .add("u3", "i40", 4, 5)
        .add("u3", "i10", 4.5f, 6)
        .add("u1", "i40", 4, 7)
        .add("u2", "i20", 1, 8)
        .build();
  }

  private static Ratings eval() {
    return new RatingsBuilder().add("u1", "i30", 3, 500).add("u3", "i20", 4.5f, 501).build();
  }

  /**
   * ML.WEIGHTS rows as BigQuery might return them: items first, global row in the middle, its
   * feature spelled {@code global__INTERCEPT__} as BigQuery writes it (Google's own SQL over
   * ML.WEIGHTS filters {@code WHERE feature != 'global__INTERCEPT__'}:
   * GoogleCloudPlatform/analytics-componentized-patterns,
   * retail/recommendation-system/bqml-scann/sql_scripts/sp_ExractEmbeddings.sql).
   */
  private static List<List<Object>> scrambledWeightRows() {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = ITEMS.length - 1; i >= 0; i--) {
      rows.add(List.of("item_id", ITEMS[i], factors(ITEM_FACTORS[i]), ITEM_INTERCEPTS[i]));
    }
    rows.add(Arrays.asList(null, "global__INTERCEPT__", null, GLOBAL));
    for (int u = USERS.length - 1; u >= 0; u--) {
      rows.add(List.of("user_id", USERS[u], factors(USER_FACTORS[u]), USER_INTERCEPTS[u]));
    }
    return rows;
  }

  private static List<Object> factors(double[] weights) {
    List<Object> structs = new ArrayList<>();
    for (int f = weights.length - 1; f >= 0; f--) {
      Map<String, Object> struct = new LinkedHashMap<>();
      struct.put("factor", f + 1);
      struct.put("weight", weights[f]);
      structs.add(struct);
    }
    return structs;
  }
}
