package io.recopipe.components.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.als.InvalidOptionsException;
import io.recopipe.model.als.TrainingMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TuningOptionsTest {
  @Test
  void defaultsAreOffWithBigQueryMlsExplicitObjective() {
    TuningOptions options = TuningOptions.parse(Map.of());
    assertFalse(options.enabled());
    assertEquals(1, options.numTrials());
    assertEquals(TuningAlgorithm.RANDOM_SEARCH, options.algorithm());
    assertEquals(TuningObjective.MEAN_SQUARED_ERROR, options.objective());
    assertEquals(new ParamRange(2, 64, false), options.space().numFactors());
    assertEquals(new ParamRange(0.01, 10, true), options.space().l2Reg());
    assertTrue(options.space().walsAlpha().isEmpty());
    assertEquals(0.1, options.validationFraction());
  }

  @Test
  void readsEveryKeyAndTheTrialsBaseOptions() {
    TuningOptions options =
        TuningOptions.parse(
            Map.of(
                "num_trials",
                "20",
                "hparam_tuning_algorithm",
                "GRID_SEARCH",
                "max_parallel_trials",
                "3",
                "num_factors_range",
                "4,16",
                "l2_reg_range",
                "[0.1, 5]",
                "validation_fraction",
                "0.2",
                "method",
                "vb",
                "seed",
                "9"));
    assertTrue(options.enabled());
    assertEquals(TuningAlgorithm.GRID_SEARCH, options.algorithm());
    assertEquals(3, options.maxParallelTrials());
    assertEquals(new ParamRange(4, 16, false), options.space().numFactors());
    assertEquals(new ParamRange(0.1, 5, true), options.space().l2Reg());
    assertEquals(TrainingMethod.VB, options.base().method());
    assertEquals(9, options.seed());
    assertEquals(20, options.points().size());
  }

  @Test
  void vizierDefaultRunsAsRandomSearch() {
    assertEquals(
        TuningAlgorithm.RANDOM_SEARCH,
        TuningOptions.parse(Map.of("hparam_tuning_algorithm", "vizier_default")).algorithm());
  }

  @Test
  void reportsEveryProblemAtOnceNamingOptionValueAndRange() {
    InvalidOptionsException e =
        assertThrows(
            InvalidOptionsException.class,
            () ->
                TuningOptions.parse(
                    Map.of(
                        "num_trials",
                        "101",
                        "max_parallel_trials",
                        "0",
                        "hparam_tuning_algorithm",
                        "bayes",
                        "hparam_tuning_objectives",
                        "MEAN_AVERAGE_PRECISION",
                        "num_factors_range",
                        "1,300",
                        "l2_reg_range",
                        "0,1",
                        "wals_alpha_range",
                        "1,10",
                        "validation_fraction",
                        "0.9",
                        "num_trails",
                        "5")));
    String message = e.getMessage();
    assertEquals(9, e.problems().size(), message);
    assertTrue(message.contains("num_trials must be an integer in 1..100, was '101'"), message);
    assertTrue(message.contains("max_parallel_trials must be an integer in 1..5, was '0'"));
    assertTrue(message.contains("hparam_tuning_algorithm must be random_search, grid_search"));
    assertTrue(message.contains("with feedback_type EXPLICIT only MEAN_SQUARED_ERROR"));
    assertTrue(
        message.contains(
            "num_factors_range must be two numbers [min, max] with min <= "
                + "max inside [2, 200], was '1,300'"),
        message);
    assertTrue(
        message.contains(
            "l2_reg_range must be two numbers [min, max] with min <= max "
                + "inside (0, 10], was '0,1'"),
        message);
    assertTrue(message.contains("wals_alpha_range applies only to feedback_type IMPLICIT"));
    assertTrue(message.contains("validation_fraction must be a number in (0, 0.5], was '0.9'"));
    assertTrue(
        message.contains("unknown option 'num_trails'") && message.contains("num_trials"), message);
  }

  @Test
  void implicitFeedbackSearchesWalsAlphaAndDefaultsToMeanAveragePrecision() {
    TuningOptions options =
        TuningOptions.parse(Map.of("feedback_type", "implicit", "wals_alpha_range", "5,50"));
    assertEquals(TuningObjective.MEAN_AVERAGE_PRECISION, options.objective());
    assertEquals(new ParamRange(5, 50, false), options.space().walsAlpha().orElseThrow());
    assertEquals(
        TuningObjective.AVERAGE_RANK,
        TuningOptions.parse(
                Map.of("feedback_type", "implicit", "hparam_tuning_objectives", "average_rank"))
            .objective());
  }
}
