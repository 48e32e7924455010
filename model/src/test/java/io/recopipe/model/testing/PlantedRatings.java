package io.recopipe.model.testing;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.util.SplittableRandom;

/**
 * Builds small rating sets from a known low-rank model plus Gaussian noise, so tests can check that
 * ALS recovers what was planted (held-out error near the noise level).
 */
public final class PlantedRatings {
  /** The generated train and test sets, and the noise standard deviation used. */
  public record Split(Ratings train, Ratings test, double noise) {}

  private PlantedRatings() {}

  /**
   * Samples a {@code users}×{@code items} rank-{@code rank} matrix with intercepts (global 3.5),
   * observes each cell with probability {@code density}, and sends a tenth of the observed cells to
   * the test set.
   */
  public static Split generate(
      int users, int items, int rank, double density, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = gaussian(random, users, rank, 1.0 / Math.sqrt(rank));
    double[][] y = gaussian(random, items, rank, 1.0);
    double[] bu = column(random, users, 0.3);
    double[] bi = column(random, items, 0.3);
    RatingsBuilder train = new RatingsBuilder();
    RatingsBuilder test = new RatingsBuilder();
    for (int u = 0; u < users; u++) {
      for (int i = 0; i < items; i++) {
        if (random.nextDouble() >= density) {
          continue;
        }
        double value = 3.5 + bu[u] + bi[i] + dot(x[u], y[i]) + noise * gaussian(random);
        RatingsBuilder target = random.nextDouble() < 0.1 ? test : train;
        target.add("u" + u, "i" + i, (float) value, u * 1000L + i);
      }
    }
    return new Split(train.build(), test.build(), noise);
  }

  private static double[] column(SplittableRandom random, int n, double scale) {
    double[] out = new double[n];
    for (int r = 0; r < n; r++) {
      out[r] = gaussian(random) * scale;
    }
    return out;
  }

  private static double[][] gaussian(SplittableRandom random, int rows, int cols, double scale) {
    double[][] out = new double[rows][cols];
    for (double[] row : out) {
      for (int c = 0; c < cols; c++) {
        row[c] = gaussian(random) * scale;
      }
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int f = 0; f < a.length; f++) {
      sum += a[f] * b[f];
    }
    return sum;
  }

  /** One standard normal draw (Box–Muller). */
  public static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
