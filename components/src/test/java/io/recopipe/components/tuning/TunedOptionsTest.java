package io.recopipe.components.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.als.AlsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The best trial's options replace the train section's; Gibbs gets them per sample. */
class TunedOptionsTest {
  private static final String BEST =
      "{\"tuned\": true, \"trial_id\": 7, \"feedback_type\": "
          + "\"EXPLICIT\", \"objective\": \"mean_squared_error\", \"objective_value\": 0.81, "
          + "\"num_factors\": 12, \"l2_reg\": 2.5}";

  @TempDir Path dir;

  @Test
  void alsTakesTheBestTrialsWidthAndPenalty() throws Exception {
    Files.writeString(dir.resolve(TuningFiles.BEST_OPTIONS), BEST);
    List<String> log = new ArrayList<>();
    AlsOptions tuned =
        TunedOptions.apply(
            AlsOptions.fromMap(Map.of("method", "als", "num_factors", "50", "l2_reg", "9")),
            dir,
            log::add);
    assertEquals(12, tuned.numFactors());
    assertEquals(2.5, tuned.l2Reg());
    assertTrue(log.get(0).contains("options from tuning (trial 7"), log.toString());
  }

  @Test
  void gibbsIsRefusedWithTheFix() throws Exception {
    Files.writeString(dir.resolve(TuningFiles.BEST_OPTIONS), BEST);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TunedOptions.apply(
                    AlsOptions.fromMap(
                        Map.of(
                            "method",
                            "gibbs",
                            "num_samples",
                            "33",
                            "num_factors",
                            "198",
                            "burn_in_iterations",
                            "40",
                            "max_iterations",
                            "172")),
                    dir,
                    line -> {}));
    assertTrue(e.getMessage().contains("set train.method: als (or vb)"), e.getMessage());
  }

  @Test
  void autoFitsTheMethodTheTrialsTuned() throws Exception {
    Files.writeString(
        dir.resolve(TuningFiles.BEST_OPTIONS),
        BEST.replace("\"num_factors\"", "\"method\": \"als\", \"num_factors\""));
    AlsOptions tuned =
        TunedOptions.apply(
            AlsOptions.fromMap(Map.of("method", "auto", "num_samples", "11")), dir, line -> {});
    assertEquals(io.recopipe.model.als.TrainingMethod.ALS, tuned.method());
    assertEquals(12, tuned.numFactors());
    assertEquals(1, tuned.numSamples(), "the Gibbs-only option no longer applies");
  }
}
