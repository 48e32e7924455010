package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Gibbs export compression: the best rank-r approximation of the packed predictive mean. */
class PosteriorMeanCompressionTest {

  @Test
  void compressedScoresAreTheTruncatedSvdOfThePredictiveMean() {
    FactorSide users = side(50, 12, 1);
    FactorSide items = side(30, 12, 2);
    int rank = 5;
    PosteriorMeanCompression.Result result = PosteriorMeanCompression.compress(users, items, rank);
    assertEquals(rank, result.users().k);
    assertArrayEquals(users.intercepts, result.users().intercepts);
    assertArrayEquals(items.intercepts, result.items().intercepts);
    // The error over all pairs is the dropped singular values' root sum of squares (Eckart–Young).
    double squared = 0;
    double full = 0;
    for (int u = 0; u < 50; u++) {
      for (int i = 0; i < 30; i++) {
        double exact = dot(users, items, u, i);
        double diff = exact - dot(result.users(), result.items(), u, i);
        squared += diff * diff;
        full += exact * exact;
      }
    }
    double tail = 0;
    double all = 0;
    double[] values = result.singularValues();
    for (int i = 0; i < values.length; i++) {
      all += values[i] * values[i];
      tail += i >= rank ? values[i] * values[i] : 0;
    }
    assertEquals(Math.sqrt(full), Math.sqrt(all), 1e-4 * Math.sqrt(full));
    assertEquals(Math.sqrt(tail), Math.sqrt(squared), 1e-4 * Math.sqrt(full));
  }

  @Test
  void aFullRankCompressionIsExactToFloatRounding() {
    FactorSide users = side(20, 6, 3);
    FactorSide items = side(25, 6, 4);
    PosteriorMeanCompression.Result result = PosteriorMeanCompression.compress(users, items, 6);
    for (int u = 0; u < 20; u++) {
      for (int i = 0; i < 25; i++) {
        assertEquals(dot(users, items, u, i), dot(result.users(), result.items(), u, i), 1e-5);
      }
    }
  }

  @Test
  void aRankDeficientMeanGetsNegligibleExtraFactors() {
    FactorSide users = side(3, 8, 5);
    FactorSide items = side(40, 8, 6);
    PosteriorMeanCompression.Result result = PosteriorMeanCompression.compress(users, items, 6);
    assertEquals(6, result.users().k);
    for (int u = 0; u < 3; u++) {
      for (int f = 3; f < 6; f++) {
        assertEquals(0, result.users().factors[u * 6 + f], 1e-6, "beyond the rank at " + u);
      }
      for (int i = 0; i < 40; i++) {
        assertEquals(dot(users, items, u, i), dot(result.users(), result.items(), u, i), 1e-5);
      }
    }
  }

  @Test
  void exportsAtMost64FactorsAndRefusesWidening() {
    assertEquals(64, PosteriorMeanCompression.exportedFactors(198));
    assertEquals(40, PosteriorMeanCompression.exportedFactors(40));
    FactorSide users = side(5, 4, 7);
    assertThrows(
        IllegalArgumentException.class,
        () -> PosteriorMeanCompression.compress(users, side(5, 4, 8), 5));
  }

  @Test
  void compressionIsBitDeterministic() {
    FactorSide users = side(60, 10, 9);
    FactorSide items = side(45, 10, 10);
    PosteriorMeanCompression.Result a = PosteriorMeanCompression.compress(users, items, 4);
    PosteriorMeanCompression.Result b = PosteriorMeanCompression.compress(users, items, 4);
    assertArrayEquals(a.users().factors, b.users().factors);
    assertArrayEquals(a.items().factors, b.items().factors);
  }

  private static FactorSide side(int rows, int k, long seed) {
    FactorSide side = new FactorSide(rows, k);
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < side.factors.length; n++) {
      side.factors[n] = (float) random.nextDouble(-1, 1);
    }
    for (int row = 0; row < rows; row++) {
      side.intercepts[row] = (float) random.nextDouble(-0.5, 0.5);
    }
    return side;
  }

  private static double dot(FactorSide users, FactorSide items, int u, int i) {
    double sum = 0;
    for (int f = 0; f < users.k; f++) {
      sum += (double) users.factors[u * users.k + f] * items.factors[i * items.k + f];
    }
    return sum;
  }
}
