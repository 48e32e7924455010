package io.recopipe.model.als;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The trailing update of {@link Cholesky} written with the JDK Vector API (about twice as fast at
 * d = 65): the same subtract-of-product per element as the scalar loop, no fused multiply-add, so
 * the factor is bit-identical to the scalar one.
 */
final class VectorCholeskyKernel {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  private VectorCholeskyKernel() {
  }

  /** The lane count a matrix row's stride must be a multiple of. */
  static int lanes() {
    return LANES;
  }

  /**
   * Subtracts {@code Σ_{m<i} U[m][i] · U[m][c]} from row i of {@code a} for every column c from
   * the lane boundary at or below i, m in increasing order: per element the same subtractions,
   * in the same order, as {@code i} right-looking updates, but each block of the row stays in
   * registers over all m. Cells left of the diagonal and in the padding are meaningless.
   */
  static void accumulateRow(double[] a, int i, int stride) {
    int rowI = i * stride;
    int c = i - (i % LANES);
    for (; c + 4 * LANES <= stride; c += 4 * LANES) {
      DoubleVector s0 = DoubleVector.fromArray(SPECIES, a, rowI + c);
      DoubleVector s1 = DoubleVector.fromArray(SPECIES, a, rowI + c + LANES);
      DoubleVector s2 = DoubleVector.fromArray(SPECIES, a, rowI + c + 2 * LANES);
      DoubleVector s3 = DoubleVector.fromArray(SPECIES, a, rowI + c + 3 * LANES);
      for (int rowM = 0; rowM < rowI; rowM += stride) {
        double umi = a[rowM + i];
        s0 = s0.sub(DoubleVector.fromArray(SPECIES, a, rowM + c).mul(umi));
        s1 = s1.sub(DoubleVector.fromArray(SPECIES, a, rowM + c + LANES).mul(umi));
        s2 = s2.sub(DoubleVector.fromArray(SPECIES, a, rowM + c + 2 * LANES).mul(umi));
        s3 = s3.sub(DoubleVector.fromArray(SPECIES, a, rowM + c + 3 * LANES).mul(umi));
      }
      s0.intoArray(a, rowI + c);
      s1.intoArray(a, rowI + c + LANES);
      s2.intoArray(a, rowI + c + 2 * LANES);
      s3.intoArray(a, rowI + c + 3 * LANES);
    }
    for (; c < stride; c += LANES) {
      DoubleVector sum = DoubleVector.fromArray(SPECIES, a, rowI + c);
      for (int rowM = 0; rowM < rowI; rowM += stride) {
        sum = sum.sub(DoubleVector.fromArray(SPECIES, a, rowM + c).mul(a[rowM + i]));
      }
      sum.intoArray(a, rowI + c);
    }
  }
}
