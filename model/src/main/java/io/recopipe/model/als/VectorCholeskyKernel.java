package io.recopipe.model.als;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The trailing update of {@link Cholesky} written with the JDK Vector API (about twice as fast at
 * d = 65): the same subtract-of-product per element as the scalar loop, no fused multiply-add, so
 * the factor is bit-identical to the scalar one.
 */
final class VectorCholeskyKernel {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;
  private static final int LANES = SPECIES.length();

  private VectorCholeskyKernel() {
  }

  /** The lane count a matrix row's stride must be a multiple of. */
  static int lanes() {
    return LANES;
  }

  /**
   * Subtracts {@code U[j][i] · U[j][i..]} from every row i > j; cells left of the diagonal and in
   * the padding are written too but never read.
   */
  static void updateTrailing(double[] a, int j, int d, int stride) {
    int rowJ = j * stride;
    for (int i = j + 1; i < d; i++) {
      double uji = a[rowJ + i];
      int rowI = i * stride;
      for (int c = i - (i % LANES); c < stride; c += LANES) {
        DoubleVector.fromArray(SPECIES, a, rowI + c)
            .sub(DoubleVector.fromArray(SPECIES, a, rowJ + c).mul(uji))
            .intoArray(a, rowI + c);
      }
    }
  }
}
