package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.metrics.ImplicitEvaluation;
import io.recopipe.model.metrics.ImplicitEvaluator;
import io.recopipe.model.metrics.MostPopularBaseline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImplicitAlsTrainerTest {
  private static final PlantedInteractions PLANTED = PlantedInteractions.generate(240, 160, 8, 11);

  private static AlsOptions.Builder options() {
    return AlsOptions.builder()
        .feedbackType(FeedbackType.IMPLICIT)
        .numFactors(8)
        .l2Reg(0.1)
        .walsAlpha(10)
        .maxIterations(10)
        .earlyStop(false)
        .threads(2);
  }

  @Test
  void ranksHeldOutPositivesOfAPlantedPatternAboveRandomItems() {
    AlsResult fit =
        new AlsTrainer(options().build())
            .fit(PLANTED.train(), PLANTED.test(), TrainingListener.NONE);
    ImplicitEvaluation wals =
        ImplicitEvaluator.withThreshold(0).evaluate(fit.model(), PLANTED.train(), PLANTED.test());
    ImplicitEvaluation popular =
        ImplicitEvaluator.withThreshold(0)
            .evaluate(MostPopularBaseline.of(PLANTED.train(), 0), PLANTED.train(), PLANTED.test());
    assertTrue(wals.get("average_rank") < 0.1, wals.toString());
    assertTrue(popular.get("average_rank") > 0.3, popular.toString());
    assertTrue(
        wals.get("mean_average_precision") > 2 * popular.get("mean_average_precision"),
        wals + " vs " + popular);
    assertTrue(
        wals.get("normalized_discounted_cumulative_gain")
            > popular.get("normalized_discounted_cumulative_gain"),
        wals + " vs " + popular);
  }

  @Test
  void hasZeroInterceptsAndAFallingObjective() {
    AlsResult fit = new AlsTrainer(options().build()).fit(PLANTED.train());
    assertEquals(0f, fit.model().globalIntercept());
    for (float b : fit.model().userIntercepts()) {
      assertEquals(0f, b);
    }
    for (float b : fit.model().itemIntercepts()) {
      assertEquals(0f, b);
    }
    List<TrainingIteration> info = fit.trainingInfo();
    assertEquals(10, info.size());
    assertTrue(info.get(9).objective() < info.get(0).objective(), info.toString());
    for (int n = 1; n < info.size(); n++) {
      assertTrue(
          info.get(n).objective() <= info.get(n - 1).objective() * (1 + 1e-3),
          "objective rose at iteration " + n + ": " + info);
    }
  }

  @Test
  void conjugateGradientReachesTheExactSolversObjective() {
    AlsResult cg = new AlsTrainer(options().build()).fit(PLANTED.train());
    AlsResult exact =
        new AlsTrainer(options().implicitSolver(ImplicitSolver.CHOLESKY).build())
            .fit(PLANTED.train());
    double cgObjective = cg.lastIteration().objective();
    double exactObjective = exact.lastIteration().objective();
    assertEquals(
        exactObjective,
        cgObjective,
        0.01 * exactObjective,
        "cg " + cgObjective + " vs exact " + exactObjective);
  }

  @Test
  void isBitIdenticalForAnyThreadCount() {
    for (ImplicitSolver solver : ImplicitSolver.values()) {
      AlsResult one =
          new AlsTrainer(options().implicitSolver(solver).threads(1).build()).fit(PLANTED.train());
      AlsResult three =
          new AlsTrainer(options().implicitSolver(solver).threads(3).build()).fit(PLANTED.train());
      assertArrayEquals(one.model().userFactors(), three.model().userFactors(), solver.name());
      assertArrayEquals(one.model().itemFactors(), three.model().itemFactors(), solver.name());
      assertEquals(one.lastIteration().loss(), three.lastIteration().loss());
    }
  }

  @Test
  void reportsEvalLossAsTheSquaredMissOfHeldOutPositives() {
    AlsResult fit =
        new AlsTrainer(options().build())
            .fit(PLANTED.train(), PLANTED.test(), TrainingListener.NONE);
    double evaluated =
        ImplicitEvaluator.withThreshold(0)
            .evaluate(fit.model(), PLANTED.train(), PLANTED.test())
            .get("mean_squared_error");
    assertEquals(evaluated, fit.lastIteration().evalLoss(), 1e-4);
  }

  @Test
  void positiveThresholdDropsWeakInteractions() {
    AlsResult all = new AlsTrainer(options().maxIterations(2).build()).fit(PLANTED.train());
    AlsResult strong =
        new AlsTrainer(options().maxIterations(2).positiveThreshold(4).build())
            .fit(PLANTED.train());
    assertTrue(strong.flops() < 0.7 * all.flops(), strong.flops() + " vs " + all.flops());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new AlsTrainer(options().positiveThreshold(6).build()).fit(PLANTED.train()));
    assertTrue(e.getMessage().contains("positive_threshold 6.0"), e.getMessage());
  }

  @Test
  void validatesTheImplicitOptionsAllAtOnce() {
    InvalidOptionsException e =
        assertThrows(
            InvalidOptionsException.class,
            () ->
                AlsOptions.fromMap(
                    Map.of(
                        "feedback_type",
                        "implicit",
                        "wals_alpha",
                        "0",
                        "cg_steps",
                        "51",
                        "positive_threshold",
                        "-1",
                        "method",
                        "vb")));
    String message = e.getMessage();
    assertTrue(message.contains("wals_alpha must be a number > 0 and <= 1e6, was 0.0"), message);
    assertTrue(message.contains("cg_steps must be in 1..50, was 51"), message);
    assertTrue(message.contains("positive_threshold must be in 0..1e9, was -1.0"), message);
    assertTrue(
        message.contains("method: vb cannot fit implicit feedback; use method: als or " + "auto"),
        message);
    e =
        assertThrows(
            InvalidOptionsException.class,
            () -> AlsOptions.fromMap(Map.of("implicit_solver", "lu", "cg_steps", "0")));
    assertTrue(
        e.getMessage().contains("implicit_solver: cannot read 'lu' as cg or cholesky"),
        e.getMessage());
    assertTrue(e.getMessage().contains("cg_steps must be in 1..50, was 0"), e.getMessage());
    AlsOptions parsed =
        AlsOptions.fromMap(
            Map.of(
                "feedback_type",
                "implicit",
                "cg_steps",
                "5",
                "implicit_solver",
                "cholesky",
                "positive_threshold",
                "4"));
    assertEquals(5, parsed.cgSteps());
    assertEquals(ImplicitSolver.CHOLESKY, parsed.implicitSolver());
    Map<String, Object> map = parsed.toMap(100);
    assertEquals("cholesky", map.get("implicit_solver"));
    assertEquals(4.0, map.get("positive_threshold"));
    assertTrue(!AlsOptions.defaults().toMap(100).containsKey("cg_steps"));
  }
}
