package io.recopipe.infra.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.InvalidOptionsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BqmlSqlTest {
  private final BqmlSql sql = new BqmlSql("recopipe-demo", "recopipe");

  private static AlsOptions options(Map<String, String> values) {
    return AlsOptions.fromMap(values);
  }

  @Test
  void createModelCarriesEveryOptionAndSelectsTheThreeColumns() {
    AlsOptions options =
        options(
            Map.of(
                "num_factors",
                "34",
                "l2_reg",
                "9.83",
                "max_iterations",
                "15",
                "early_stop",
                "false",
                "min_rel_progress",
                "0.005"));
    assertEquals(
        "CREATE OR REPLACE MODEL `recopipe-demo.recopipe.recopipe_mf`\n"
            + "OPTIONS(model_type='matrix_factorization', feedback_type='EXPLICIT', num_factors=34, "
            + "l2_reg=9.83, max_iterations=15, early_stop=FALSE, min_rel_progress=0.005, "
            + "user_col='user_id', item_col='item_id', rating_col='rating', "
            + "data_split_method='NO_SPLIT')\n"
            + "AS SELECT user_id, item_id, rating FROM `recopipe-demo.recopipe.train`",
        sql.createModel("recopipe_mf", "train", options, 80_000));
  }

  @Test
  void defaultsAreBigQueryMlsWithTheAutomaticFactorCountResolved() {
    Map<String, String> sqlOptions = BqmlSql.modelOptions(AlsOptions.defaults(), 1 << 16);
    assertEquals("16", sqlOptions.get("num_factors"), "log2 of the training rows");
    assertEquals("1.0", sqlOptions.get("l2_reg"));
    assertEquals("20", sqlOptions.get("max_iterations"));
    assertEquals("TRUE", sqlOptions.get("early_stop"));
    assertEquals("0.01", sqlOptions.get("min_rel_progress"));
    assertEquals("'EXPLICIT'", sqlOptions.get("feedback_type"));
    assertTrue(!sqlOptions.containsKey("wals_alpha"), "wals_alpha is for implicit models only");
  }

  @Test
  void implicitFeedbackAddsWalsAlpha() {
    Map<String, String> sqlOptions =
        BqmlSql.modelOptions(
            options(Map.of("feedback_type", "implicit", "wals_alpha", "12.5")), 100);
    assertEquals("'IMPLICIT'", sqlOptions.get("feedback_type"));
    assertEquals("12.5", sqlOptions.get("wals_alpha"));
  }

  @Test
  void smallAndLargeNumbersAreWrittenWithoutExponents() {
    assertEquals(
        "0.0001", BqmlSql.modelOptions(options(Map.of("l2_reg", "1e-4")), 10).get("l2_reg"));
    assertEquals("25000000.0", BqmlSql.number(2.5e7));
    assertEquals("0.0", BqmlSql.number(0));
  }

  @Test
  void theSameRangesAsTheLocalTrainerApply() {
    InvalidOptionsException e =
        assertThrows(
            InvalidOptionsException.class,
            () -> options(Map.of("num_factors", "201", "l2_reg", "0")));
    assertTrue(e.getMessage().contains("num_factors must be in 2..200"), e.getMessage());
    assertTrue(e.getMessage().contains("l2_reg must be a number > 0 and <= 1e6"), e.getMessage());
  }

  @Test
  void refusesAnotherTrainingMethod() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> sql.createModel("m", "train", options(Map.of("method", "vb")), 100));
    assertEquals(
        "train.engine=bigquery_ml cannot honour method vb (BigQuery ML fits ALS only; "
            + "remove train.method or set it to als)",
        e.getMessage());
  }

  @Test
  void refusesWeightedRegularization() {
    assertEquals(
        List.of(
            "l2_reg_mode weighted (BigQuery ML applies l2_reg plainly; remove "
                + "train.l2_reg_mode or set it to plain)"),
        BqmlSql.refusals(options(Map.of("l2_reg_mode", "weighted"))));
  }

  @Test
  void refusesASeparateInterceptRegularizationButAcceptsTheSameValue() {
    assertEquals(
        List.of(
            "intercept_l2_reg 0.5 (BigQuery ML has one l2_reg; remove "
                + "train.intercept_l2_reg)"),
        BqmlSql.refusals(options(Map.of("l2_reg", "2", "intercept_l2_reg", "0.5"))));
    assertEquals(
        List.of(), BqmlSql.refusals(options(Map.of("l2_reg", "2", "intercept_l2_reg", "2"))));
  }

  @Test
  void reportsEveryRefusalAtOnce() {
    List<String> refused =
        BqmlSql.refusals(
            options(
                Map.of("method", "gibbs", "l2_reg_mode", "weighted", "intercept_l2_reg", "0.1")));
    assertEquals(3, refused.size(), refused.toString());
  }

  @Test
  void seedAndThreadsAreIgnoredWithANoteForANonDefaultSeed() {
    AlsOptions options = options(Map.of("seed", "7", "threads", "3"));
    assertEquals(List.of(), BqmlSql.refusals(options));
    assertEquals(
        List.of(
            "train.seed 7 is not used: BigQuery ML has no seed, so retraining may "
                + "give slightly different factors"),
        BqmlSql.notes(options));
    assertEquals(List.of(), BqmlSql.notes(options(Map.of("threads", "3"))));
  }

  /**
   * CREATE MODEL for matrix factorization has no option that drops ratings below a threshold
   * (https://cloud.google.com/bigquery/docs/reference/standard-sql/bigqueryml-syntax-create-matrix-factorization:
   * FEEDBACK_TYPE, NUM_FACTORS, USER_COL, ITEM_COL, RATING_COL, WALS_ALPHA, L2_REG, MAX_ITERATIONS,
   * EARLY_STOP, MIN_REL_PROGRESS, the data split and tuning options), so a threshold that would
   * change the local model's training data is refused.
   */
  @Test
  void refusesAnImplicitPositiveThresholdBigQueryMlDoesNotHave() {
    assertEquals(
        List.of(
            "positive_threshold 4.0 (BigQuery ML trains on every rating and has no threshold; "
                + "remove train.positive_threshold, or leave the ratings below it out of the data)"),
        BqmlSql.refusals(options(Map.of("feedback_type", "IMPLICIT", "positive_threshold", "4"))));
    assertEquals(
        List.of(),
        BqmlSql.refusals(options(Map.of("feedback_type", "IMPLICIT", "positive_threshold", "0"))));
  }

  @Test
  void theLocalImplicitSolverOptionsAreIgnoredWithANoteWhenSet() {
    AlsOptions options =
        options(Map.of("feedback_type", "IMPLICIT", "implicit_solver", "cg", "cg_steps", "5"));
    assertEquals(List.of(), BqmlSql.refusals(options));
    assertEquals(
        List.of(
            "train.implicit_solver is not used: it sets how the local trainer solves implicit "
                + "ALS, and BigQuery ML uses its own solver",
            "train.cg_steps is not used: it sets how the local trainer solves implicit ALS, and "
                + "BigQuery ML uses its own solver"),
        BqmlSql.notes(options));
    assertEquals(List.of(), BqmlSql.notes(options(Map.of("feedback_type", "IMPLICIT"))));
  }

  @Test
  void readsTrainingInfoEvaluationAndWeights() {
    assertEquals(
        "SELECT * FROM ML.TRAINING_INFO(MODEL `recopipe-demo.recopipe.recopipe_mf`)",
        sql.trainingInfo("recopipe_mf"));
    assertEquals(
        "SELECT * FROM ML.EVALUATE(MODEL `recopipe-demo.recopipe.recopipe_mf`, "
            + "(SELECT user_id, item_id, rating FROM `recopipe-demo.recopipe.eval`))",
        sql.evaluate("recopipe_mf", "eval"));
    assertEquals(
        "SELECT * FROM ML.WEIGHTS(MODEL `recopipe-demo.recopipe.recopipe_mf`)",
        sql.weights("recopipe_mf"));
  }

  @Test
  void refusesNamesThatCouldEscapeTheQuotes() {
    assertThrows(IllegalArgumentException.class, () -> sql.qualified("m`; DROP"));
    assertThrows(IllegalArgumentException.class, () -> sql.qualified("a.b"));
    assertThrows(IllegalArgumentException.class, () -> new BqmlSql("Bad_Project", "d"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new BqmlSql("recopipe-demo", "my-dataset"));
    assertEquals(
        "invalid BigQuery dataset name 'my-dataset': expected letters, digits and _",
        e.getMessage());
  }

  @Test
  void stringLiteralsEscapeQuotesAndBackslashes() {
    assertEquals("'it\\'s a \\\\ path'", BqmlSql.literal("it's a \\ path"));
  }
}
