package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlsOptionsTest {

  @Test
  void defaultsAreBigQueryMls() {
    AlsOptions o = AlsOptions.defaults();
    assertEquals(FeedbackType.EXPLICIT, o.feedbackType());
    assertNull(o.numFactors(), "num_factors defaults to log2(n)");
    assertEquals(1.0, o.l2Reg());
    assertEquals(20, o.maxIterations());
    assertTrue(o.earlyStop());
    assertEquals(0.01, o.minRelProgress());
    assertEquals(40.0, o.walsAlpha());
    assertEquals(RegularizationMode.PLAIN, o.l2RegMode());
    assertEquals(TrainingMethod.ALS, o.method());
    assertEquals("als", o.toMap(100).get("method"));
    assertEquals(1.0, o.resolvedInterceptL2Reg(), "intercept λ follows l2_reg");
  }

  @Test
  void automaticFactorCountIsLog2OfRowsClampedToTheRange() {
    AlsOptions o = AlsOptions.defaults();
    assertEquals(17, o.resolvedNumFactors(100_000));
    assertEquals(2, o.resolvedNumFactors(1));
    assertEquals(20, o.resolvedNumFactors(1_000_209));
    assertEquals(34, AlsOptions.builder().numFactors(34).build().resolvedNumFactors(5));
  }

  @Test
  void parsesTextValuesUnderBigQueryNames() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("NUM_FACTORS", "34");
    values.put("l2_reg", "0.5");
    values.put("max_iterations", "7");
    values.put("early_stop", "FALSE");
    values.put("min_rel_progress", "0.001");
    values.put("l2_reg_mode", "weighted");
    values.put("intercept_l2_reg", "0.1");
    values.put("seed", "9");
    values.put("threads", "3");
    values.put("feedback_type", "explicit");
    AlsOptions o = AlsOptions.fromMap(values);
    assertEquals(34, o.numFactors());
    assertEquals(0.5, o.l2Reg());
    assertEquals(7, o.maxIterations());
    assertEquals(false, o.earlyStop());
    assertEquals(RegularizationMode.WEIGHTED, o.l2RegMode());
    assertEquals(0.1, o.resolvedInterceptL2Reg());
    assertEquals(9, o.seed());
    assertEquals(3, o.threads());
    assertEquals(34, o.toMap(100).get("num_factors"));
    assertEquals("weighted", o.toMap(100).get("l2_reg_mode"));
  }

  @Test
  void parsesAndRecordsTheTrainingMethod() {
    AlsOptions o = AlsOptions.fromMap(Map.of("method", " VB "));
    assertEquals(TrainingMethod.VB, o.method());
    assertEquals("vb", o.toMap(100).get("method"));
    assertEquals(o, AlsOptions.fromMap(Map.of("method", "vb")));
    assertTrue(!o.equals(AlsOptions.defaults()));
    assertEquals(TrainingMethod.VB, o.toBuilder().build().method());
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("method", "mcmc");
    bad.put("l2_reg", "0");
    InvalidOptionsException e =
        assertThrows(InvalidOptionsException.class, () -> AlsOptions.fromMap(bad));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(
        e.getMessage().contains("method: cannot read 'mcmc' as auto, als, vb or gibbs"),
        e.getMessage());
    e =
        assertThrows(
            InvalidOptionsException.class, () -> AlsOptions.builder().method(null).build());
    assertTrue(e.getMessage().contains("method must be auto, als, vb or gibbs"), e.getMessage());
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("num_factors", "500");
    values.put("l2_reg", "-1");
    values.put("max_iterations", "ten");
    values.put("learning_rate", "0.1");
    InvalidOptionsException e =
        assertThrows(InvalidOptionsException.class, () -> AlsOptions.fromMap(values));
    assertEquals(4, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("num_factors must be in 2..200"), e.getMessage());
    assertTrue(e.getMessage().contains("l2_reg must be a number > 0 and <= 1e6"), e.getMessage());
    assertTrue(
        e.getMessage().contains("max_iterations: cannot read 'ten' as an integer"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown option 'learning_rate'"), e.getMessage());
  }

  @Test
  void builderRefusesOutOfRangeValues() {
    assertThrows(InvalidOptionsException.class, () -> AlsOptions.builder().numFactors(1).build());
    assertThrows(InvalidOptionsException.class, () -> AlsOptions.builder().threads(0).build());
    assertThrows(
        InvalidOptionsException.class,
        () -> AlsOptions.builder().minRelProgress(Double.NaN).build());
  }

  @Test
  void gibbsRecordsItsSamplingOptionsAndOthersDoNot() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("method", "gibbs");
    values.put("num_factors", "198");
    values.put("num_samples", "33");
    values.put("burn_in_iterations", "40");
    values.put("max_iterations", "172");
    AlsOptions o = AlsOptions.fromMap(values);
    assertEquals(TrainingMethod.GIBBS, o.method());
    assertEquals(33, o.numSamples());
    assertEquals(40, o.resolvedBurnInIterations());
    Map<String, Object> map = o.toMap(100);
    assertEquals("gibbs", map.get("method"));
    assertEquals(33, map.get("num_samples"));
    assertEquals(40, map.get("burn_in_iterations"));
    assertEquals(o, o.toBuilder().build());
    assertTrue(!o.equals(o.toBuilder().burnInIterations(null).build()));
    AlsOptions auto = AlsOptions.builder().method(TrainingMethod.GIBBS).maxIterations(100).build();
    assertEquals(1, auto.numSamples());
    assertEquals(25, auto.resolvedBurnInIterations(), "a quarter of max_iterations");
    assertTrue(!AlsOptions.defaults().toMap(100).containsKey("num_samples"));
    assertTrue(!AlsOptions.defaults().toMap(100).containsKey("burn_in_iterations"));
  }

  @Test
  void gibbsSamplingProblemsAreReportedTogether() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("method", "gibbs");
    values.put("num_factors", "200");
    values.put("num_samples", "33");
    values.put("max_iterations", "50");
    values.put("burn_in_iterations", "30");
    InvalidOptionsException e =
        assertThrows(InvalidOptionsException.class, () -> AlsOptions.fromMap(values));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(
        e.getMessage().contains("num_factors (200) must be divisible by num_samples (33)"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "max_iterations (50) minus burn_in_iterations (30) must"
                    + " leave at least num_samples (33) sweeps"),
        e.getMessage());
    values.put("num_factors", "auto");
    values.put("burn_in_iterations", "-1");
    values.put("num_samples", "0");
    e = assertThrows(InvalidOptionsException.class, () -> AlsOptions.fromMap(values));
    assertTrue(
        e.getMessage().contains("burn_in_iterations must be in 0..10000, was -1"), e.getMessage());
    assertTrue(e.getMessage().contains("num_samples must be in 1..200, was 0"), e.getMessage());
    e =
        assertThrows(
            InvalidOptionsException.class,
            () ->
                AlsOptions.builder()
                    .method(TrainingMethod.GIBBS)
                    .numSamples(4)
                    .maxIterations(40)
                    .build());
    assertTrue(
        e.getMessage().contains("needs an explicit num_factors divisible by it"), e.getMessage());
  }

  @Test
  void numSamplesAppliesOnlyToGibbs() {
    InvalidOptionsException e =
        assertThrows(
            InvalidOptionsException.class,
            () ->
                AlsOptions.fromMap(Map.of("method", "vb", "num_samples", "4", "num_factors", "8")));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains("num_samples applies only to method gibbs, was 4 with" + " method vb"),
        e.getMessage());
    assertThrows(
        InvalidOptionsException.class, () -> AlsOptions.fromMap(Map.of("num_samples", "two")));
  }

  @Test
  void everyNumericOptionHasAnUpperBoundNamedInItsMessage() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("max_iterations", "1000000000");
    values.put("num_factors", "1024");
    values.put("threads", "5000");
    values.put("l2_reg", "1e9");
    values.put("intercept_l2_reg", "2e6");
    values.put("wals_alpha", "Infinity");
    values.put("min_rel_progress", "2");
    values.put("positive_threshold", "1e12");
    values.put("cg_steps", "51");
    values.put("method", "gibbs");
    values.put("num_samples", "201");
    values.put("burn_in_iterations", "20000");
    InvalidOptionsException e =
        assertThrows(InvalidOptionsException.class, () -> AlsOptions.fromMap(values));
    String message = e.getMessage();
    for (String expected :
        List.of(
            "max_iterations must be in 1..10000, was 1000000000",
            "num_factors must be in 2..200",
            "threads must be in 1..1024, was 5000",
            "l2_reg must be a number > 0 and <= 1e6, was 1.0E9",
            "intercept_l2_reg must be in 0..1e6, was 2000000.0",
            "wals_alpha must be a number > 0 and <= 1e6, was Infinity",
            "min_rel_progress must be in 0..1, was 2.0",
            "positive_threshold must be in 0..1e9, was 1.0E12",
            "cg_steps must be in 1..50, was 51",
            "num_samples must be in 1..200, was 201",
            "burn_in_iterations must be in 0..10000, was 20000")) {
      assertTrue(message.contains(expected), expected + " missing in " + message);
    }
    AlsOptions largest = AlsOptions.fromMap(Map.of("max_iterations", "10000", "l2_reg", "1e6"));
    assertEquals(10_000, largest.maxIterations());
  }

  @Test
  void autoRemembersWhatTheUserSetAndDefersTheSamplingChecks() {
    AlsOptions o = AlsOptions.fromMap(Map.of("method", "auto", "num_samples", "11", "l2_reg", "3"));
    assertEquals(TrainingMethod.AUTO, o.method());
    assertTrue(o.isSet("num_samples") && o.isSet("l2_reg") && o.isSet("method"));
    assertTrue(!o.isSet("num_factors") && !o.isSet("max_iterations"));
    assertTrue(o.toBuilder().build().isSet("num_samples"), "toBuilder keeps what was set");
    assertTrue(!AlsOptions.defaults().isSet("method"));
    assertEquals("auto", o.toMap(100).get("method"));
  }

  @Test
  void theBayesianMethodsAreRefusedForImplicitFeedbackWithTheFix() {
    for (String method : List.of("gibbs", "vb")) {
      InvalidOptionsException e =
          assertThrows(
              InvalidOptionsException.class,
              () -> AlsOptions.fromMap(Map.of("feedback_type", "implicit", "method", method)));
      assertEquals(
          List.of(
              "method: " + method + " cannot fit implicit feedback; use method: als" + " or auto"),
          e.problems());
    }
    assertEquals(
        TrainingMethod.AUTO,
        AlsOptions.fromMap(Map.of("feedback_type", "implicit", "method", "auto")).method());
  }
}
