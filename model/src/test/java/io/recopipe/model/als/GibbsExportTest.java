package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.testing.PlantedRatings;
import org.junit.jupiter.api.Test;

/** A Gibbs fit wider than 64 factors exports its compressed predictive mean. */
class GibbsExportTest {
  private static final PlantedRatings.Split PLANTED =
      PlantedRatings.generate(300, 200, 4, 0.3, 0.3, 11);

  private static AlsOptions.Builder wide() {
    return AlsOptions.builder()
        .method(TrainingMethod.GIBBS)
        .numFactors(96)
        .numSamples(24)
        .burnInIterations(8)
        .maxIterations(32)
        .threads(2);
  }

  @Test
  void aWideFitExports64FactorsThatPredictAsTheSampledMean() {
    AlsResult result = new AlsTrainer(wide().build()).fit(PLANTED.train());
    MfModel exported = result.model();
    MfModel sampled = result.sampledModel();
    assertEquals(64, exported.numFactors());
    assertEquals(64, result.numFactors());
    assertEquals(96, sampled.numFactors());
    assertEquals(64, result.resolvedOptions().get("num_factors"));
    assertEquals(96, result.resolvedOptions().get("sampled_factors"));
    assertArrayEquals(sampled.userIntercepts(), exported.userIntercepts());
    // Four planted dimensions: rank 64 keeps the mean to float rounding.
    double worst = 0;
    Ratings test = PLANTED.test();
    for (int n = 0; n < test.size(); n++) {
      String user = test.users().id(test.user(n));
      String item = test.items().id(test.item(n));
      worst = Math.max(worst, Math.abs(exported.predict(user, item) - sampled.predict(user, item)));
    }
    assertTrue(worst < 1e-3, "largest prediction difference " + worst);
  }

  @Test
  void theCompressedExportIsBitIdenticalForAnyThreadCount() {
    MfModel one = new AlsTrainer(wide().threads(1).build()).fit(PLANTED.train()).model();
    MfModel three = new AlsTrainer(wide().threads(3).build()).fit(PLANTED.train()).model();
    assertArrayEquals(one.userFactors(), three.userFactors());
    assertArrayEquals(one.itemFactors(), three.itemFactors());
  }

  @Test
  void aNarrowFitIsExportedAsSampled() {
    AlsResult result = new AlsTrainer(wide().numFactors(48).build()).fit(PLANTED.train());
    assertEquals(48, result.numFactors());
    assertNull(result.sampledModel());
    assertTrue(!result.resolvedOptions().containsKey("sampled_factors"));
  }
}
