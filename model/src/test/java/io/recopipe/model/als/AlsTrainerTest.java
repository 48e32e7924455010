package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.testing.PlantedRatings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlsTrainerTest {
  private static final double NOISE = 0.3;
  private static final PlantedRatings.Split PLANTED =
      PlantedRatings.generate(400, 300, 4, 0.3, NOISE, 7);

  private static AlsOptions.Builder options() {
    return AlsOptions.builder()
        .numFactors(4)
        .l2Reg(0.01)
        .l2RegMode(RegularizationMode.WEIGHTED)
        .maxIterations(15)
        .earlyStop(false)
        .threads(2);
  }

  private static double rmse(MfModel model, Ratings test) {
    double sum = 0;
    for (int n = 0; n < test.size(); n++) {
      double residual =
          test.rating(n)
              - model.predict(test.users().id(test.user(n)), test.items().id(test.item(n)));
      sum += residual * residual;
    }
    return Math.sqrt(sum / test.size());
  }

  @Test
  void recoversAPlantedLowRankMatrixToNearTheNoiseLevel() {
    AlsResult result =
        new AlsTrainer(options().build())
            .fit(PLANTED.train(), PLANTED.test(), TrainingListener.NONE);
    double heldOut = rmse(result.model(), PLANTED.test());
    // The noise sd is 0.3, the floor no model can beat; intercepts alone would leave ~1.04.
    assertTrue(heldOut < NOISE * 1.1, "held-out RMSE " + heldOut + " should be near " + NOISE);
    assertTrue(heldOut > NOISE * 0.9, "held-out RMSE " + heldOut + " cannot beat the noise");
    assertEquals(
        heldOut * heldOut, result.lastIteration().evalLoss(), 1e-4, "eval_loss is the eval MSE");
  }

  /**
   * ALS minimizes the regularized objective exactly in each half-step, so that training loss can
   * never rise; the plain MSE column ({@code loss}) usually falls too but is not guaranteed to.
   */
  @Test
  void regularizedTrainingLossNeverRises() {
    List<TrainingIteration> seen = new ArrayList<>();
    for (RegularizationMode mode : RegularizationMode.values()) {
      seen.clear();
      AlsOptions o =
          options()
              .l2RegMode(mode)
              .l2Reg(mode == RegularizationMode.PLAIN ? 1 : 0.05)
              .maxIterations(12)
              .build();
      new AlsTrainer(o).fit(PLANTED.train(), null, seen::add);
      assertEquals(12, seen.size());
      for (int n = 1; n < seen.size(); n++) {
        TrainingIteration before = seen.get(n - 1);
        TrainingIteration after = seen.get(n);
        assertTrue(
            after.objective() <= before.objective() * (1 + 1e-6),
            mode + " objective rose at iteration " + n + ": " + before + " -> " + after);
        assertEquals(n, after.iteration());
        assertFalse(after.hasEvalLoss());
      }
    }
  }

  @Test
  void factorsAreBitIdenticalForAnyThreadCount() {
    MfModel one = new AlsTrainer(options().threads(1).build()).fit(PLANTED.train()).model();
    for (int threads : new int[] {2, 3, 8}) {
      MfModel many =
          new AlsTrainer(options().threads(threads).build()).fit(PLANTED.train()).model();
      assertArrayEquals(one.userFactors(), many.userFactors(), "user factors, threads=" + threads);
      assertArrayEquals(one.itemFactors(), many.itemFactors(), "item factors, threads=" + threads);
      assertArrayEquals(one.userIntercepts(), many.userIntercepts());
      assertArrayEquals(one.itemIntercepts(), many.itemIntercepts());
    }
  }

  @Test
  void theSeedDecidesTheStartingPoint() {
    MfModel a =
        new AlsTrainer(options().seed(1).maxIterations(2).build()).fit(PLANTED.train()).model();
    MfModel b =
        new AlsTrainer(options().seed(1).maxIterations(2).build()).fit(PLANTED.train()).model();
    MfModel c =
        new AlsTrainer(options().seed(2).maxIterations(2).build()).fit(PLANTED.train()).model();
    assertArrayEquals(a.itemFactors(), b.itemFactors());
    assertFalse(java.util.Arrays.equals(a.itemFactors(), c.itemFactors()));
  }

  @Test
  void earlyStopEndsWhenRelativeProgressFallsBelowTheThreshold() {
    AlsResult result =
        new AlsTrainer(options().earlyStop(true).minRelProgress(0.01).maxIterations(50).build())
            .fit(PLANTED.train());
    List<TrainingIteration> info = result.trainingInfo();
    assertTrue(result.stoppedEarly());
    assertTrue(info.size() < 50);
    TrainingIteration last = info.get(info.size() - 1);
    TrainingIteration before = info.get(info.size() - 2);
    assertTrue((before.loss() - last.loss()) / before.loss() < 0.01);
    for (int n = 1; n < info.size() - 1; n++) {
      double progress = (info.get(n - 1).loss() - info.get(n).loss()) / info.get(n - 1).loss();
      assertTrue(progress >= 0.01, "should have stopped at iteration " + n);
    }
  }

  @Test
  void modelUsesBigQueryMlsFormAndTheTrainingMean() {
    AlsResult result = new AlsTrainer(options().build()).fit(PLANTED.train());
    MfModel model = result.model();
    assertEquals((float) PLANTED.train().mean(), model.globalIntercept());
    assertEquals(4, result.numFactors());
    assertEquals(PLANTED.train().fingerprint(), result.dataFingerprint());
    float manual = model.globalIntercept() + model.userIntercept(3) + model.itemIntercept(5);
    float dot = 0;
    for (int f = 0; f < 4; f++) {
      dot += model.userFactors()[3 * 4 + f] * model.itemFactors()[5 * 4 + f];
    }
    assertEquals(manual + dot, model.predict(3, 5), 1e-6f);
    assertTrue(result.flops() > 0);
  }

  @Test
  void numFactorsDefaultsToLog2OfTheTrainingRows() {
    AlsResult result =
        new AlsTrainer(options().numFactors(null).maxIterations(1).build()).fit(PLANTED.train());
    int expected = (int) Math.round(Math.log(PLANTED.train().size()) / Math.log(2));
    assertEquals(expected, result.numFactors());
    assertEquals(expected, result.resolvedOptions().get("num_factors"));
  }

  @Test
  void coldStartPredictionsFollowMlRecommend() {
    MfModel model = new AlsTrainer(options().build()).fit(PLANTED.train()).model();
    int item = 7;
    String itemId = model.items().id(item);
    assertEquals(
        model.globalIntercept() + model.itemIntercept(item), model.predict("nobody", itemId));
    assertEquals(
        model.globalIntercept() + model.userIntercept(2),
        model.predict(model.users().id(2), "no-such-item"));
    assertEquals(model.globalIntercept(), model.predict("nobody", "nothing"));
  }

  @Test
  void refusesEmptyData() {
    Ratings empty = new RatingsBuilder().build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new AlsTrainer(options().build()).fit(empty));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    AlsOptions implicit = options().feedbackType(FeedbackType.IMPLICIT).build();
    e = assertThrows(IllegalArgumentException.class, () -> new AlsTrainer(implicit).fit(empty));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void aUserWithOneRatingGetsAFiniteShrunkenIntercept() {
    RatingsBuilder builder = new RatingsBuilder();
    for (int u = 0; u < 20; u++) {
      for (int i = 0; i < 10; i++) {
        builder.add("u" + u, "i" + i, 1 + (u + i) % 5, 0);
      }
    }
    builder.add("lonely", "i0", 5, 0);
    MfModel model = new AlsTrainer(options().build()).fit(builder.build()).model();
    int lonely = model.users().indexOf("lonely");
    assertTrue(Float.isFinite(model.userIntercept(lonely)));
    assertTrue(Float.isFinite(model.predict("lonely", "i3")));
  }

  private static AlsOptions.Builder vb() {
    return options().method(TrainingMethod.VB).l2Reg(1).maxIterations(25);
  }

  @Test
  void variationalBayesRecoversAPlantedMatrixWithoutTuningLambda() {
    // 8 factors for a rank-4 truth: the learned per-dimension priors must switch the rest off.
    AlsResult result =
        new AlsTrainer(vb().numFactors(8).build())
            .fit(PLANTED.train(), PLANTED.test(), TrainingListener.NONE);
    double heldOut = rmse(result.model(), PLANTED.test());
    assertTrue(heldOut < NOISE * 1.1, "held-out RMSE " + heldOut + " should be near " + NOISE);
    assertEquals(heldOut * heldOut, result.lastIteration().evalLoss(), 1e-4);
    assertEquals("vb", result.resolvedOptions().get("method"));
    MfModel model = result.model();
    assertEquals((float) PLANTED.train().mean(), model.globalIntercept());
    float dot = 0;
    for (int f = 0; f < 8; f++) {
      dot += model.userFactors()[3 * 8 + f] * model.itemFactors()[5 * 8 + f];
    }
    assertEquals(
        model.globalIntercept() + model.userIntercept(3) + model.itemIntercept(5) + dot,
        model.predict(3, 5),
        1e-6f);
  }

  /** Every VB step maximizes one variational bound, so its negative never rises. */
  @Test
  void variationalObjectiveNeverRises() {
    List<TrainingIteration> seen = new ArrayList<>();
    new AlsTrainer(vb().maxIterations(20).build()).fit(PLANTED.train(), null, seen::add);
    assertEquals(20, seen.size());
    for (int n = 1; n < seen.size(); n++) {
      double before = seen.get(n - 1).objective();
      double after = seen.get(n).objective();
      assertTrue(
          after <= before + 1e-6 * Math.abs(before),
          "objective rose at iteration " + n + ": " + before + " -> " + after);
    }
  }

  @Test
  void variationalFactorsAreBitIdenticalForAnyThreadCount() {
    MfModel one = new AlsTrainer(vb().threads(1).build()).fit(PLANTED.train()).model();
    for (int threads : new int[] {2, 3, 8}) {
      MfModel many = new AlsTrainer(vb().threads(threads).build()).fit(PLANTED.train()).model();
      assertArrayEquals(one.userFactors(), many.userFactors(), "user factors, threads=" + threads);
      assertArrayEquals(one.itemFactors(), many.itemFactors(), "item factors, threads=" + threads);
      assertArrayEquals(one.userIntercepts(), many.userIntercepts());
      assertArrayEquals(one.itemIntercepts(), many.itemIntercepts());
    }
  }

  @Test
  void variationalEarlyStopWatchesTheObjective() {
    AlsResult result =
        new AlsTrainer(vb().earlyStop(true).minRelProgress(0.001).maxIterations(200).build())
            .fit(PLANTED.train());
    List<TrainingIteration> info = result.trainingInfo();
    assertTrue(result.stoppedEarly());
    double before = info.get(info.size() - 2).objective();
    double last = info.get(info.size() - 1).objective();
    assertTrue((before - last) / Math.abs(before) < 0.001);
  }

  /** Four samples of four factors for the rank-4 truth, packed into 16 exported factors. */
  private static AlsOptions.Builder gibbs() {
    return options()
        .method(TrainingMethod.GIBBS)
        .l2Reg(1)
        .numFactors(16)
        .numSamples(4)
        .burnInIterations(20)
        .maxIterations(32);
  }

  @Test
  void gibbsRecoversAPlantedMatrixAsOnePackedModel() {
    AlsResult result =
        new AlsTrainer(gibbs().build()).fit(PLANTED.train(), PLANTED.test(), TrainingListener.NONE);
    double heldOut = rmse(result.model(), PLANTED.test());
    assertTrue(heldOut < NOISE * 1.1, "held-out RMSE " + heldOut + " should be near " + NOISE);
    assertTrue(heldOut > NOISE * 0.9, "held-out RMSE " + heldOut + " cannot beat the noise");
    assertEquals(
        heldOut * heldOut,
        result.lastIteration().evalLoss(),
        1e-4,
        "eval_loss is the eval MSE of the packed average");
    assertEquals(16, result.numFactors());
    assertEquals(32, result.trainingInfo().size(), "the schedule is fixed, no early stop");
    assertFalse(result.stoppedEarly());
    assertEquals("gibbs", result.resolvedOptions().get("method"));
    assertEquals(4, result.resolvedOptions().get("num_samples"));
    MfModel model = result.model();
    assertEquals(16, model.numFactors());
    assertEquals((float) PLANTED.train().mean(), model.globalIntercept());
    float dot = 0;
    for (int f = 0; f < 16; f++) {
      dot += model.userFactors()[3 * 16 + f] * model.itemFactors()[5 * 16 + f];
    }
    assertEquals(
        model.globalIntercept() + model.userIntercept(3) + model.itemIntercept(5) + dot,
        model.predict(3, 5),
        1e-6f);
  }

  @Test
  void gibbsFactorsAreBitIdenticalForAnyThreadCount() {
    MfModel one = new AlsTrainer(gibbs().threads(1).build()).fit(PLANTED.train()).model();
    for (int threads : new int[] {2, 3, 8}) {
      MfModel many = new AlsTrainer(gibbs().threads(threads).build()).fit(PLANTED.train()).model();
      assertArrayEquals(one.userFactors(), many.userFactors(), "user factors, threads=" + threads);
      assertArrayEquals(one.itemFactors(), many.itemFactors(), "item factors, threads=" + threads);
      assertArrayEquals(one.userIntercepts(), many.userIntercepts());
      assertArrayEquals(one.itemIntercepts(), many.itemIntercepts());
    }
    MfModel reseeded = new AlsTrainer(gibbs().seed(43).build()).fit(PLANTED.train()).model();
    assertFalse(
        java.util.Arrays.equals(one.userFactors(), reseeded.userFactors()),
        "the seed decides the draws");
  }

  /**
   * Before the first kept sweep {@code loss} is the current draw's training MSE, which {@code
   * objective} always is; from then on {@code loss} is the packed average's, which fits the
   * training data more smoothly than any single draw.
   */
  @Test
  void gibbsTrainingInfoSeparatesTheDrawFromThePackedAverage() {
    List<TrainingIteration> seen = new ArrayList<>();
    new AlsTrainer(gibbs().build()).fit(PLANTED.train(), null, seen::add);
    SampleSchedule schedule = new SampleSchedule(32, 20, 4);
    int firstKept = 0;
    while (!schedule.keeps(firstKept)) {
      firstKept++;
    }
    for (TrainingIteration row : seen) {
      assertFalse(row.hasEvalLoss());
      if (row.iteration() < firstKept) {
        assertEquals(row.objective(), row.loss(), 0.0, "iteration " + row.iteration());
      }
    }
    TrainingIteration last = seen.get(seen.size() - 1);
    assertTrue(last.loss() < last.objective(), last.toString());
  }
}
