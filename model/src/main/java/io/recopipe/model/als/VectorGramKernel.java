package io.recopipe.model.als;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Gram update of {@link GramKernel} written with the JDK Vector API, used when the
 * {@code jdk.incubator.vector} module is present. It performs the same multiplies and adds in the
 * same order per element (no fused multiply-add), so its results are bit-identical to the scalar
 * kernel's; only the speed differs.
 */
final class VectorGramKernel {
  private static final VectorSpecies<Float> SPECIES = pick();
  private static final int LANES = SPECIES.length();

  /** 256-bit vectors unless -Drecopipe.vector.bits asks otherwise: less padding for small k. */
  private static VectorSpecies<Float> pick() {
    int bits = Integer.getInteger("recopipe.vector.bits", 256);
    VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
    if (bits >= preferred.vectorBitSize()) {
      return preferred;
    }
    return bits <= 128 ? FloatVector.SPECIES_128 : FloatVector.SPECIES_256;
  }

  private VectorGramKernel() {
  }

  /** The lane count rows are padded to. */
  static int lanes() {
    return LANES;
  }

  /** See {@link GramKernel#addFour}; {@code stride} is a multiple of {@link #lanes()}. */
  static void addFour(float[] a, float[] b, float[] rows, int d, int stride, float t0, float t1,
      float t2, float t3) {
    int r1 = stride;
    int r2 = 2 * stride;
    int r3 = 3 * stride;
    for (int i = 0; i < d; i++) {
      float c0 = rows[i];
      float c1 = rows[r1 + i];
      float c2 = rows[r2 + i];
      float c3 = rows[r3 + i];
      int row = i * stride;
      // From the lane boundary at or below i to the padded end: the extra lower-triangle and
      // padding cells written here are never read.
      for (int j = i - (i % LANES); j < stride; j += LANES) {
        FloatVector sum = FloatVector.fromArray(SPECIES, rows, j).mul(c0)
            .add(FloatVector.fromArray(SPECIES, rows, r1 + j).mul(c1))
            .add(FloatVector.fromArray(SPECIES, rows, r2 + j).mul(c2))
            .add(FloatVector.fromArray(SPECIES, rows, r3 + j).mul(c3));
        FloatVector.fromArray(SPECIES, a, row + j).add(sum).intoArray(a, row + j);
      }
      b[i] += t0 * c0 + t1 * c1 + t2 * c2 + t3 * c3;
    }
  }
}
