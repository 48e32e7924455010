package io.recopipe.components.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.data.Ratings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tuning on data with 8 true factors and noise: too few factors underfit, too many overfit unless
 * l2_reg is large enough, so the best region is planted around num_factors ≈ 8 and a middle l2_reg
 * (a 100-point grid puts its best at 9 factors, l2_reg 2.2).
 */
class PlantedRegionTest {
  private static ValidationSplit split;

  @BeforeAll
  static void data() {
    Ratings train = PlantedData.generate(300, 200, 0.25, 0.5, 7);
    split = ValidationSplit.of(train, 0.1, 42);
  }

  private static TuningOptions options(String algorithm, int trials) {
    return TuningOptions.parse(
        Map.of(
            "num_trials",
            String.valueOf(trials),
            "hparam_tuning_algorithm",
            algorithm,
            "num_factors_range",
            "2,32",
            "l2_reg_range",
            "0.01,10",
            "max_iterations",
            "15",
            "early_stop",
            "false",
            "threads",
            "1"));
  }

  private static List<Trial> run(TuningOptions options, int parallel) throws Exception {
    return new TrialRunner(options.base(), options.objective(), parallel)
        .run(options.points(), split, trial -> {});
  }

  private static Trial best(List<Trial> trials) {
    assertEquals(1, trials.stream().filter(Trial::optimal).count());
    return trials.stream().filter(Trial::optimal).findFirst().orElseThrow();
  }

  @Test
  void randomSearchWithTwentyTrialsFindsThePlantedRegion() throws Exception {
    List<Trial> trials = run(options("random_search", 20), 1);
    assertEquals(20, trials.size());
    Trial best = best(trials);
    Hyperparameters h = best.hyperparameters();
    assertTrue(h.numFactors() >= 7 && h.numFactors() <= 10, "best " + best);
    assertTrue(h.l2Reg() >= 0.5 && h.l2Reg() <= 5, "best " + best);
    for (Trial trial : trials) {
      assertTrue(trial.objective() >= best.objective());
      assertEquals("SUCCEEDED", trial.status());
    }
    Trial worstSmall =
        trials.stream()
            .filter(t -> t.hyperparameters().numFactors() <= 4)
            .findFirst()
            .orElseThrow();
    assertTrue(
        worstSmall.objective() > best.objective() * 1.5,
        "two to four factors underfit: " + worstSmall);
  }

  @Test
  void parallelTrialsGiveTheSameTrialsAndBestAsSequential() throws Exception {
    TuningOptions options = options("random_search", 12);
    List<Trial> sequential = run(options, 1);
    List<Trial> parallel = run(options, 3);
    assertEquals(withoutDurations(sequential), withoutDurations(parallel));
    assertEquals(best(sequential).trialId(), best(parallel).trialId());
  }

  @Test
  void gridSearchIsDeterministicAndFindsThePlantedFactorCount() throws Exception {
    List<Trial> first = run(options("grid_search", 16), 2);
    assertEquals(withoutDurations(first), withoutDurations(run(options("grid_search", 16), 1)));
    int factors = best(first).hyperparameters().numFactors();
    assertTrue(factors >= 6 && factors <= 12, "best " + best(first));
  }

  private static List<Trial> withoutDurations(List<Trial> trials) {
    return trials.stream()
        .map(
            t ->
                new Trial(
                    t.trialId(),
                    t.hyperparameters(),
                    t.objective(),
                    t.trainingLoss(),
                    t.evalLoss(),
                    t.errorMessage(),
                    t.optimal(),
                    0))
        .toList();
  }
}
