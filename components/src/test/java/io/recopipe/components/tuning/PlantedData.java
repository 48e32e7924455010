package io.recopipe.components.tuning;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.util.SplittableRandom;

/**
 * A rating set with a known best region: ratings are 3.5 + a rank-8 product of unit-variance
 * factors + noise, so too few factors underfit, too many overfit and only a middle l2_reg balances
 * the noise.
 */
final class PlantedData {
  static final int TRUE_FACTORS = 8;

  private PlantedData() {}

  static Ratings generate(int users, int items, double density, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] u = factors(random, users);
    double[][] v = factors(random, items);
    RatingsBuilder builder = new RatingsBuilder();
    for (int a = 0; a < users; a++) {
      for (int b = 0; b < items; b++) {
        if (random.nextDouble() < density) {
          double dot = 0;
          for (int f = 0; f < TRUE_FACTORS; f++) {
            dot += u[a][f] * v[b][f];
          }
          double rating = 3.5 + dot + noise * random.nextGaussian();
          builder.add("u" + a, "i" + b, (float) rating, a * 10_000L + b);
        }
      }
    }
    return builder.build();
  }

  private static double[][] factors(SplittableRandom random, int rows) {
    double scale = Math.pow(1.0 / TRUE_FACTORS, 0.25);
    double[][] out = new double[rows][TRUE_FACTORS];
    for (double[] row : out) {
      for (int f = 0; f < TRUE_FACTORS; f++) {
        row[f] = scale * random.nextGaussian();
      }
    }
    return out;
  }
}
