package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule {@code method: auto} follows, per training-set size, feedback and user choices. */
class AutoMethodTest {
  private static final AlsOptions AUTO = AlsOptions.fromMap(Map.of("method", "auto"));

  @Test
  void smallExplicitDataGetsGibbsExportedAs64Factors() {
    AutoMethod.Choice choice = AutoMethod.resolve(AUTO, 80_000, 943, 1_650);
    AlsOptions o = choice.options();
    assertEquals(TrainingMethod.GIBBS, o.method());
    assertEquals(198, o.numFactors());
    assertEquals(33, o.numSamples());
    assertEquals(40, o.resolvedBurnInIterations());
    assertEquals(172, o.maxIterations());
    assertEquals(2.0, o.l2Reg());
    assertEquals(1.0, o.resolvedInterceptL2Reg());
    assertEquals(
        "auto chose gibbs (6 factors x 33 samples, exported as 64, 172 iterations) for "
            + "80,000 ratings, density 5.14% (small); rule: "
            + AutoMethod.RULE,
        choice.notice());
    assertEquals(List.of(), choice.ignored());
  }

  @Test
  void largerExplicitDataGetsVbWith64Factors() {
    for (long ratings : new long[] {250_001, 900_188, 18_000_000}) {
      AlsOptions o = AutoMethod.resolve(AUTO, ratings, 1_500, 1_000).options();
      assertEquals(TrainingMethod.VB, o.method(), ratings + " ratings");
      assertEquals(64, o.numFactors());
      assertEquals(40, o.maxIterations());
      assertTrue(o.earlyStop(), "vb stops once the objective settles");
      assertEquals(0.0005, o.minRelProgress());
      assertEquals(1, o.numSamples());
    }
    assertEquals(
        TrainingMethod.GIBBS, AutoMethod.resolve(AUTO, 250_000, 6_040, 3_705).options().method());
  }

  @Test
  void vbRunsExactlyTheIterationsTheUserAsksFor() {
    AlsOptions fixed =
        AutoMethod.resolve(
                AlsOptions.fromMap(Map.of("method", "auto", "max_iterations", "12")),
                900_188,
                6_040,
                3_705)
            .options();
    assertEquals(12, fixed.maxIterations());
    assertFalse(fixed.earlyStop());
    AlsOptions looser =
        AutoMethod.resolve(
                AlsOptions.fromMap(Map.of("method", "auto", "min_rel_progress", "0.01")),
                900_188,
                6_040,
                3_705)
            .options();
    assertTrue(looser.earlyStop());
    assertEquals(0.01, looser.minRelProgress());
    assertTrue(
        AutoMethod.resolve(AUTO, 900_188, 6_040, 3_705)
            .notice()
            .startsWith("auto chose vb (64 factors, up to 40 iterations) for 900,188 ratings"));
  }

  @Test
  void implicitFeedbackGetsWeightedAls() {
    AlsOptions implicit = AlsOptions.fromMap(Map.of("method", "auto", "feedback_type", "implicit"));
    AutoMethod.Choice choice = AutoMethod.resolve(implicit, 80_000, 943, 1_650);
    assertEquals(TrainingMethod.ALS, choice.options().method());
    assertEquals(FeedbackType.IMPLICIT, choice.options().feedbackType());
    assertTrue(choice.notice().startsWith("auto chose als (weighted ALS, "), choice.notice());
    assertTrue(choice.notice().contains("(implicit feedback)"), choice.notice());
  }

  @Test
  void optionsTheUserSetAreKept() {
    AlsOptions set =
        AlsOptions.fromMap(
            Map.of("method", "auto", "l2_reg", "5", "max_iterations", "90", "early_stop", "true"));
    AlsOptions gibbs = AutoMethod.resolve(set, 80_000, 943, 1_650).options();
    assertEquals(5.0, gibbs.l2Reg());
    assertEquals(90, gibbs.maxIterations());
    assertEquals(22, gibbs.resolvedBurnInIterations(), "a quarter of the user's sweeps");
    assertTrue(gibbs.earlyStop());
    AlsOptions vb = AutoMethod.resolve(set, 2_000_000, 6_040, 3_705).options();
    assertEquals(TrainingMethod.VB, vb.method());
    assertEquals(90, vb.maxIterations());
  }

  @Test
  void anExplicitFactorCountPicksAPointEstimateUnlessSamplesAreSetToo() {
    AlsOptions factors = AlsOptions.fromMap(Map.of("method", "auto", "num_factors", "20"));
    AutoMethod.Choice choice = AutoMethod.resolve(factors, 80_000, 943, 1_650);
    assertEquals(TrainingMethod.VB, choice.options().method());
    assertEquals(20, choice.options().numFactors());
    assertTrue(choice.notice().contains("(num_factors is set)"), choice.notice());
    AlsOptions samples =
        AlsOptions.fromMap(Map.of("method", "auto", "num_factors", "44", "num_samples", "11"));
    AlsOptions gibbs = AutoMethod.resolve(samples, 80_000, 943, 1_650).options();
    assertEquals(TrainingMethod.GIBBS, gibbs.method());
    assertEquals(44, gibbs.numFactors());
    assertEquals(11, gibbs.numSamples());
    AlsOptions weighted = AlsOptions.fromMap(Map.of("method", "auto", "l2_reg_mode", "weighted"));
    assertEquals(
        TrainingMethod.ALS, AutoMethod.resolve(weighted, 80_000, 943, 1_650).options().method());
  }

  @Test
  void samplingOptionsAreUsedByGibbsAndIgnoredWithANoteOtherwise() {
    AlsOptions sampled =
        AlsOptions.fromMap(
            Map.of("method", "auto", "num_samples", "11", "burn_in_iterations", "30"));
    AlsOptions small = AutoMethod.resolve(sampled, 80_000, 943, 1_650).options();
    assertEquals(11, small.numSamples());
    assertEquals(66, small.numFactors(), "6 factors per sample");
    assertEquals(30, small.resolvedBurnInIterations());
    AutoMethod.Choice large = AutoMethod.resolve(sampled, 900_000, 6_040, 3_705);
    assertEquals(TrainingMethod.VB, large.options().method());
    assertEquals(1, large.options().numSamples());
    assertEquals(List.of("num_samples", "burn_in_iterations"), large.ignored());
  }

  @Test
  void gibbsUnderAutoFitsTheUsersSweepsAndRefusesWhatCannotSplit() {
    AlsOptions few = AlsOptions.fromMap(Map.of("method", "auto", "max_iterations", "20"));
    AlsOptions gibbs = AutoMethod.resolve(few, 80_000, 943, 1_650).options();
    assertEquals(TrainingMethod.GIBBS, gibbs.method());
    assertEquals(15, gibbs.numSamples(), "20 sweeps minus a burn-in of 5");
    assertEquals(90, gibbs.numFactors());
    InvalidOptionsException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidOptionsException.class,
            () ->
                AlsOptions.fromMap(
                    Map.of(
                        "method",
                        "auto",
                        "num_factors",
                        "50",
                        "num_samples",
                        "3",
                        "max_iterations",
                        "10",
                        "burn_in_iterations",
                        "8")));
    assertEquals(
        List.of(
            "num_factors (50) must be divisible by num_samples (3) in case method "
                + "auto picks gibbs",
            "max_iterations (10) minus burn_in_iterations (8) must leave at "
                + "least num_samples (3) sweeps in case method auto picks gibbs"),
        e.problems());
  }

  @Test
  void sparseRowsCapTheFactorCount() {
    // 20 ratings per user on average: at most 10 factors
    assertEquals(10, AutoMethod.factorCeiling(20_000, 1_000, 500));
    AlsOptions o = AutoMethod.resolve(AUTO, 300_000, 30_000, 20_000).options();
    assertEquals(TrainingMethod.VB, o.method());
    assertEquals(5, o.numFactors());
    assertEquals(2, AutoMethod.factorCeiling(10, 100, 100), "never below two");
    AlsOptions tiny = AutoMethod.resolve(AUTO, 600, 100, 50).options();
    assertEquals(TrainingMethod.GIBBS, tiny.method());
    assertEquals(33 * 3, tiny.numFactors(), "3 factors per sample for 6 ratings per user");
  }

  @Test
  void aChosenMethodIsLeftAlone() {
    AlsOptions als = AlsOptions.fromMap(Map.of("method", "als"));
    AutoMethod.Choice choice = AutoMethod.resolve(als, 80_000, 943, 1_650);
    assertSame(als, choice.options());
    assertEquals("", choice.notice());
  }
}
