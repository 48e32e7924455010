package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The building blocks of {@code method: gibbs}: schedule, packing, random draws, hyperprior. */
class SamplingTest {

  @Test
  void scheduleKeepsTheLastSamplesSpacedApartAfterTheBurnIn() {
    SampleSchedule schedule = new SampleSchedule(172, 40, 33);
    assertEquals(4, schedule.thin());
    int kept = 0;
    for (int iteration = 0; iteration < 172; iteration++) {
      if (schedule.keeps(iteration)) {
        kept++;
        assertTrue(iteration >= 40, "kept burn-in sweep " + iteration);
        assertEquals(3, iteration % 4);
      }
    }
    assertEquals(33, kept);
    assertTrue(schedule.keeps(171), "the last sweep is always kept");
    assertFalse(schedule.keeps(172));
    assertThrows(IllegalArgumentException.class, () -> new SampleSchedule(10, 8, 3));
  }

  @Test
  void packedAverageScoresAsTheAverageOfItsSamples() {
    int k = 3;
    FactorSide u1 = side(2, k, 1);
    FactorSide i1 = side(3, k, 2);
    FactorSide u2 = side(2, k, 3);
    FactorSide i2 = side(3, k, 4);
    PackedAverage packed = new PackedAverage(2, 3, k, 2);
    packed.add(u1, i1);
    assertEquals(score(u1, i1, 1, 2), score(packed.users(), packed.items(), 1, 2), 1e-6);
    packed.add(u2, i2);
    assertEquals(2, packed.count());
    assertEquals(6, packed.users().k);
    for (int u = 0; u < 2; u++) {
      for (int i = 0; i < 3; i++) {
        double average = (score(u1, i1, u, i) + score(u2, i2, u, i)) / 2;
        assertEquals(average, score(packed.users(), packed.items(), u, i), 1e-5);
      }
    }
    assertThrows(IllegalStateException.class, () -> packed.add(u1, i1));
  }

  @Test
  void streamsDependOnlyOnTheirKey() {
    assertEquals(
        RandomStreams.of(7, 3, 1, 99).nextLong(), RandomStreams.of(7, 3, 1, 99).nextLong());
    long base = RandomStreams.of(7, 3, 1, 99).nextLong();
    assertTrue(base != RandomStreams.of(8, 3, 1, 99).nextLong());
    assertTrue(base != RandomStreams.of(7, 4, 1, 99).nextLong());
    assertTrue(base != RandomStreams.of(7, 3, 0, 99).nextLong());
    assertTrue(base != RandomStreams.of(7, 3, 1, 98).nextLong());
  }

  @Test
  void gammaDrawsHaveTheRightMeanAndVariance() {
    SplittableRandom random = new SplittableRandom(5);
    for (double shape : new double[] {0.5, 1, 3.5, 400}) {
      int n = 200_000;
      double sum = 0;
      double squares = 0;
      for (int t = 0; t < n; t++) {
        double x = RandomStreams.gamma(random, shape);
        sum += x;
        squares += x * x;
      }
      double mean = sum / n;
      double variance = squares / n - mean * mean;
      assertEquals(shape, mean, 0.02 * shape + 0.01, "mean, shape " + shape);
      assertEquals(shape, variance, 0.05 * shape + 0.01, "variance, shape " + shape);
    }
  }

  /** With many rows the Normal–Wishart draw concentrates on the rows' mean and precision. */
  @Test
  void normalWishartDrawConcentratesOnTheRowsMoments() {
    int k = 1;
    int d = 2;
    double[] trueMean = {0.5, -1};
    double[] trueSd = {2, 0.5};
    SplittableRandom random = new SplittableRandom(11);
    int n = 50_000;
    double[] sum = new double[d];
    double[] outer = new double[d * d];
    double[] x = new double[d];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < d; i++) {
        x[i] = trueMean[i] + trueSd[i] * RandomStreams.gaussian(random);
        sum[i] += x[i];
      }
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          outer[i * d + j] += x[i] * x[j];
        }
      }
    }
    GibbsHalfStep.Sums sums = new GibbsHalfStep.Sums(sum, outer, n, 0);
    RowPrior drawn = new NormalWishart(k, 2).sample(sums, null, new SplittableRandom(3));
    assertArrayEquals(trueMean, drawn.mean(), 0.03);
    assertEquals(1 / 4.0, drawn.precision()[0], 0.01);
    assertEquals(4.0, drawn.precision()[3], 0.1);
    assertEquals(0, drawn.precision()[1], 0.03);
    assertEquals(drawn.precision()[1], drawn.precision()[2], 0.0, "symmetric");
    RowPrior kept = RowPrior.isotropic(k, 1, 1);
    assertTrue(
        kept
            == new NormalWishart(k, 2)
                .sample(
                    new GibbsHalfStep.Sums(new double[d], new double[d * d], 0, 0), kept, random));
  }

  @Test
  void upperSolveDrawsFromTheInversePrecision() {
    // A = UᵀU with U = [[2, 1], [0, 3]]; solving U x = e gives x = U⁻¹e.
    double[] a = {4, 2, 0, 10};
    assertTrue(Cholesky.factorInPlace(a, 2));
    assertArrayEquals(new double[] {2, 1, 0, 3}, new double[] {a[0], a[1], 0, a[3]}, 1e-12);
    double[] e = {1, 3};
    Cholesky.solveUpper(a, e, 2);
    assertArrayEquals(new double[] {0, 1}, e, 1e-12);
  }

  private static FactorSide side(int rows, int k, long seed) {
    FactorSide side = new FactorSide(rows, k);
    side.randomize(seed, 1.0);
    for (int r = 0; r < rows; r++) {
      side.intercepts[r] = (float) (seed * 0.1 + r);
    }
    return side;
  }

  private static double score(FactorSide users, FactorSide items, int u, int i) {
    double dot = 0;
    for (int f = 0; f < users.k; f++) {
      dot += users.factors[u * users.k + f] * items.factors[i * items.k + f];
    }
    return users.intercepts[u] + items.intercepts[i] + dot;
  }
}
