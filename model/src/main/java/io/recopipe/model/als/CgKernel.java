package io.recopipe.model.als;

/**
 * The dot product conjugate gradient spends its time in, with eight fixed accumulators (one per
 * float of a 256-bit vector) summed in order at the end, so the JDK Vector API path ({@link
 * VectorCgKernel}) and this scalar path give bit-identical results; a plain running sum would be a
 * serial dependency chain the JIT cannot vectorize.
 */
final class CgKernel {
  /** The accumulator count, the float lanes of a 256-bit vector. */
  static final int LANES = 8;

  private CgKernel() {}

  /** Σ a[ao + f]·b[f] for f in [0, k). */
  static float dot(float[] a, int ao, float[] b, int k) {
    if (GramKernel.VECTOR_API) {
      return VectorCgKernel.dot(a, ao, b, k);
    }
    float[] acc = new float[LANES];
    int f = 0;
    for (; f + LANES <= k; f += LANES) {
      for (int l = 0; l < LANES; l++) {
        acc[l] = acc[l] + a[ao + f + l] * b[f + l];
      }
    }
    return finish(acc, a, ao, b, f, k);
  }

  /** Sums the accumulators in lane order, then the tail [f, k). */
  static float finish(float[] acc, float[] a, int ao, float[] b, int f, int k) {
    float sum = 0;
    for (int l = 0; l < LANES; l++) {
      sum += acc[l];
    }
    for (; f < k; f++) {
      sum += a[ao + f] * b[f];
    }
    return sum;
  }
}
