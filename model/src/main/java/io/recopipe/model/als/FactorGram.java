package io.recopipe.model.als;

/**
 * The Gram matrix FᵀF of one whole side's factors (k×k, row-major, both triangles), the trick that
 * makes implicit ALS affordable (Hu, Koren &amp; Volinsky 2008, §4): the unobserved pairs of a row
 * all share it, so each half-step computes it once instead of once per row. Computed in fixed row
 * blocks summed in block order, so it is bit-identical for any thread count.
 */
final class FactorGram {
  private static final int BLOCK_ROWS = 512;

  private FactorGram() {}

  /** FᵀF of {@code side}'s factors. */
  static double[] of(ParallelRows parallel, FactorSide side) {
    int k = side.k;
    float[] factors = side.factors;
    double[] upper =
        parallel.run(
            side.rows,
            BLOCK_ROWS,
            k * k,
            () -> null,
            (from, to, none, partial) -> {
              for (int row = from; row < to; row++) {
                int base = row * k;
                for (int i = 0; i < k; i++) {
                  double fi = factors[base + i];
                  int out = i * k;
                  for (int j = i; j < k; j++) {
                    partial[out + j] += fi * factors[base + j];
                  }
                }
              }
            });
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        upper[j * k + i] = upper[i * k + j];
      }
    }
    return upper;
  }

  /** xᵀ G x for the k factors of {@code x} starting at {@code offset}. */
  static double quadratic(double[] gram, float[] x, int offset, int k) {
    double sum = 0;
    for (int i = 0; i < k; i++) {
      double row = 0;
      int base = i * k;
      for (int j = 0; j < k; j++) {
        row += gram[base + j] * x[offset + j];
      }
      sum += x[offset + i] * row;
    }
    return sum;
  }
}
