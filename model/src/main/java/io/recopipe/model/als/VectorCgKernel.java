package io.recopipe.model.als;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CgKernel#dot} with the JDK Vector API, used when {@code jdk.incubator.vector} is present:
 * the same eight lane sums (multiply, then add; no fused multiply-add) finished in the same order,
 * so its results are bit-identical to the scalar kernel's.
 */
final class VectorCgKernel {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_256;

  private VectorCgKernel() {}

  /** See {@link CgKernel#dot}. */
  static float dot(float[] a, int ao, float[] b, int k) {
    FloatVector acc = FloatVector.zero(SPECIES);
    int f = 0;
    for (; f + CgKernel.LANES <= k; f += CgKernel.LANES) {
      acc =
          acc.add(
              FloatVector.fromArray(SPECIES, a, ao + f).mul(FloatVector.fromArray(SPECIES, b, f)));
    }
    float s = 0;
    for (int l = 0; l < CgKernel.LANES; l++) {
      s += acc.lane(l);
    }
    for (; f < k; f++) {
      s += a[ao + f] * b[f];
    }
    return s;
  }
}
