package io.recopipe.infra.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The options a spec for the bigquery_ml engine is refused for, before any job starts. */
class BqmlCompatibilityTest {
  private static Map<String, String> bqml(String... pairs) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("train.engine", "bigquery_ml");
    parameters.put("train.seed", "42");
    parameters.put("tune.num_trials", "1");
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], pairs[i + 1]);
    }
    return parameters;
  }

  @Test
  void anOptionThatDoesNotParseIsLeftToTheConfigsOwnCheck() {
    assertEquals(List.of(), BqmlCompatibility.problems(bqml("train.num_factors", "abc")));
  }

  @Test
  void otherEnginesAreNotChecked() {
    Map<String, String> local = bqml("train.method", "gibbs");
    local.put("train.engine", "local");
    assertEquals(List.of(), BqmlCompatibility.problems(local));
    local.remove("train.engine");
    assertEquals(List.of(), BqmlCompatibility.problems(local));
  }

  @Test
  void alsAndAutoRunAsTheTrainStepResolvesThem() {
    assertEquals(List.of(), BqmlCompatibility.problems(bqml("train.method", "als")));
    assertEquals(
        List.of(),
        BqmlCompatibility.problems(
            bqml(
                "train.method",
                "auto",
                "train.num_samples",
                "33",
                "train.burn_in_iterations",
                "40")),
        "auto becomes als, which ignores the Gibbs-only options");
    assertEquals(
        List.of(),
        BqmlCompatibility.problems(bqml("train.l2_reg", "2", "train.intercept_l2_reg", "2")));
  }

  @Test
  void everyRefusedOptionIsOneLineNamingIt() {
    assertEquals(
        List.of(
            "train.method gibbs (BigQuery ML fits ALS only; remove train.method or set it to als)",
            "train.l2_reg_mode weighted (BigQuery ML applies l2_reg plainly; remove "
                + "train.l2_reg_mode or set it to plain)",
            "train.intercept_l2_reg 1.0 (BigQuery ML has one l2_reg; remove train.intercept_l2_reg)"),
        BqmlCompatibility.problems(
            bqml(
                "train.method",
                "gibbs",
                "train.l2_reg",
                "2.0",
                "train.l2_reg_mode",
                "weighted",
                "train.intercept_l2_reg",
                "1.0")));
  }

  @Test
  void autoWithTuningTakesTheTrialsMethod() {
    assertEquals(
        List.of(
            "tune.method vb (with train.method auto and tune.num_trials > 1 train "
                + "fits the trials' method, and BigQuery ML fits ALS only; set tune.method or "
                + "train.method to als)"),
        BqmlCompatibility.problems(
            bqml("train.method", "auto", "tune.num_trials", "10", "tune.method", "vb")));
    assertEquals(
        List.of(),
        BqmlCompatibility.problems(
            bqml("train.method", "als", "tune.num_trials", "10", "tune.method", "vb")),
        "an explicit train.method is kept");
    assertEquals(
        List.of(),
        BqmlCompatibility.problems(bqml("train.method", "auto", "tune.method", "vb")),
        "tuning off: the trials' method is not used");
  }

  @Test
  void tuningReplacesL2RegSoASeparateInterceptRegularizationCannotStay() {
    assertEquals(
        List.of(
            "train.intercept_l2_reg 2.0 (tuning replaces l2_reg, and BigQuery ML "
                + "has one l2_reg; remove train.intercept_l2_reg)"),
        BqmlCompatibility.problems(
            bqml("train.l2_reg", "2", "train.intercept_l2_reg", "2", "tune.num_trials", "5")));
  }
}
