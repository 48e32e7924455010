package io.recopipe.model.als;

/**
 * One side (users or items) of the factorization while it is being trained: row-major float factors
 * and the intercepts, updated in place by each half-step.
 */
final class FactorSide {
  final int rows;
  final int k;
  final float[] factors;
  final float[] intercepts;

  FactorSide(int rows, int k) {
    this.rows = rows;
    this.k = k;
    this.factors = new float[Math.multiplyExact(rows, k)];
    this.intercepts = new float[rows];
  }

  /**
   * Fills the factors with N(0, scale²) draws from one seeded generator in row order, so the start
   * point depends only on the seed.
   */
  void randomize(long seed, double scale) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    for (int n = 0; n < factors.length; n++) {
      factors[n] = (float) (nextGaussian(random) * scale);
    }
  }

  private static double nextGaussian(java.util.SplittableRandom random) {
    // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
