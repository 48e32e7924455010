package io.recopipe.model.als;

import java.util.SplittableRandom;

/**
 * Seeded random draws for {@link TrainingMethod#GIBBS}: every row of every half-step gets its own
 * stream keyed by (seed, iteration, side, row), so a sample never depends on which thread drew it
 * or in which order, and fits stay bit-identical for any thread count.
 */
final class RandomStreams {
  /** The side key of user rows. */
  static final int USERS = 0;

  /** The side key of item rows. */
  static final int ITEMS = 1;

  /** The row key of draws that belong to a whole side or the whole model (hyperparameters). */
  static final int WHOLE = -1;

  private RandomStreams() {}

  /** A fresh stream for one (seed, iteration, side, row) key. */
  static SplittableRandom of(long seed, int iteration, int side, int row) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    h = mix(h + iteration);
    h = mix(h + side);
    h = mix(h + row);
    return new SplittableRandom(h);
  }

  /** SplitMix64's finalizer: a bijective 64-bit mix, so distinct keys give distinct seeds. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** One standard normal draw (Box–Muller; SplittableRandom has no nextGaussian on Java 17). */
  static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * One Gamma(shape, 1) draw (Marsaglia &amp; Tsang 2000), boosting shapes below 1 with {@code
   * U^(1/shape)}; divide by a rate to get Gamma(shape, rate).
   */
  static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      double u = 1.0 - random.nextDouble();
      return gamma(random, shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = gaussian(random);
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = 1.0 - random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
