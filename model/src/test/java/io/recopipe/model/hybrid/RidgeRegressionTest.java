package io.recopipe.model.hybrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RidgeRegressionTest {
  /** y = 3 + 2·x0 − 0.5·x1 + 0·x2, with a constant column x3 and a sparse one-hot x4. */
  private static RidgeRegression toyProblem(double noise) {
    RidgeRegression ridge = new RidgeRegression(5);
    SplittableRandom random = new SplittableRandom(7);
    for (int r = 0; r < 2_000; r++) {
      double[] x = {
        random.nextGaussian() * 3 + 1,
        random.nextGaussian() * 0.1 - 2,
        random.nextGaussian(),
        4.0,
        r % 10 == 0 ? 1 : 0
      };
      double y = 3 + 2 * x[0] - 0.5 * x[1] + 1.5 * x[4] + noise * random.nextGaussian();
      ridge.add(x, y);
    }
    return ridge;
  }

  @Test
  void recoversKnownCoefficientsOfANoiselessLinearProblem() {
    LinearWeights fit = toyProblem(0).fit(1e-6);
    assertArrayEquals(new double[] {2, -0.5, 0, 0, 1.5}, fit.weights(), 1e-5);
    assertEquals(3, fit.intercept(), 1e-5);
    assertEquals(3 + 2 * 1 - 0.5 * -2, fit.predict(new double[] {1, -2, 0, 4, 0}), 1e-5);
  }

  @Test
  void penaltyShrinksStandardizedCoefficientsButNotTheIntercept() {
    LinearWeights light = toyProblem(0.1).fit(1);
    LinearWeights heavy = toyProblem(0.1).fit(1e5);
    assertEquals(2, light.weights()[0], 0.01);
    assertTrue(Math.abs(heavy.weights()[0]) < 0.2 * 2, "heavy penalty shrinks x0's weight");
    // With every slope shrunk towards zero the intercept tends to the mean of y, not to zero.
    assertTrue(heavy.intercept() > 2, "intercept is unpenalized: " + heavy.intercept());
  }

  @Test
  void fitIsBitIdenticalForTheSameRows() {
    assertArrayEquals(toyProblem(0.3).fit(10).weights(), toyProblem(0.3).fit(10).weights());
  }

  @Test
  void noRowsIsAnError() {
    assertThrows(IllegalStateException.class, () -> new RidgeRegression(3).fit(1));
  }
}
