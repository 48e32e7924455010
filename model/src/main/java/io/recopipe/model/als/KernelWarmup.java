package io.recopipe.model.als;

import java.util.SplittableRandom;

/**
 * Gets the Vector API kernels compiled by the optimizing JIT before the first iteration uses them:
 * until then every vector operation runs as an allocating library call, a hundred times slower, and
 * a cold first iteration spent most of its time there. The kernels run on tiny inputs, cheap even
 * when slow, until they are queued for compilation; then a probe call every few milliseconds
 * (leaving the cores to the compiler) waits until a call takes what compiled code takes, or a time
 * cap passes. The results are discarded, so training results do not depend on it.
 */
final class KernelWarmup {
  /** Stops waiting for the compiler after this long (a loaded machine; results are unaffected). */
  private static final long CAP_NANOS = 3_000_000_000L;

  /** Calls made back to back to get the kernels queued for compilation. */
  private static final int TRIGGER_CALLS = 3000;

  /** A compiled vector op costs about a nanosecond; an interpreted or C1 one, 50 or more. */
  private static final double NANOS_PER_OP = 10;

  private static final int BATCH = 8;
  private static final int RATINGS = 4;

  /**
   * A system size that exercises every branch of the factorization's blocking (three, two and one
   * vectors per block, and a last row outside the blocks of four), so that no branch is left
   * uncompiled for the JIT to trip over later.
   */
  private static final int SYSTEM = 21;

  private static volatile boolean warm;

  private KernelWarmup() {}

  /** Warms the kernels once per JVM; a no-op without the Vector API. */
  static void ensureWarm() {
    if (warm || !GramKernel.VECTOR_API) {
      return;
    }
    synchronized (KernelWarmup.class) {
      if (!warm) {
        warm();
        warm = true;
      }
    }
  }

  private static void warm() {
    // Four vectors of columns reach every branch of the Gram kernel's blocking (four, three,
    // two and one vectors per block).
    int stride = 4 * VectorGramKernel.lanes();
    SplittableRandom random = new SplittableRandom(1);
    float[] tile = new float[RATINGS * stride];
    float[] targets = new float[RATINGS];
    for (int n = 0; n < tile.length; n++) {
      tile[n] = (float) random.nextGaussian();
    }
    float[] gram = new float[stride * stride];
    float[] columnSums = new float[stride];
    float[] rhs = new float[stride];
    double[] sums = new double[stride];
    int systemStride = Cholesky.stride(SYSTEM + 1);
    double[] system = positiveDefinite(random, systemStride);
    double[] scratch = new double[system.length];
    double ops =
        RATINGS * (double) stride * stride / (2 * VectorGramKernel.lanes())
            + Math.pow(SYSTEM, 3) / 6 / VectorCholeskyKernel.lanes()
            + 2.0 * RATINGS * stride / VectorRowSums.lanes();
    double budget = BATCH * (NANOS_PER_OP * ops + 1000);
    long start = System.nanoTime();
    for (int batch = 0; System.nanoTime() - start < CAP_NANOS; batch++) {
      long batchStart = System.nanoTime();
      for (int call = 0; call < BATCH; call++) {
        VectorGramKernel.accumulate(tile, stride, targets, RATINGS, stride, gram, columnSums, rhs);
        System.arraycopy(system, 0, scratch, 0, system.length);
        Cholesky.factorSimd(scratch, SYSTEM, systemStride);
        // all columns take the blocks of four vectors; one column less also takes single ones
        VectorRowSums.columns(tile, 0, stride, RATINGS, stride, sums);
        VectorRowSums.columns(tile, 0, stride, RATINGS, stride - 1, sums);
      }
      if (System.nanoTime() - batchStart < budget) {
        return;
      }
      if (batch * BATCH >= TRIGGER_CALLS) {
        pause(); // queued for compilation: leave the cores to the compiler
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A well-conditioned SYSTEM×SYSTEM matrix with a right-hand side in column SYSTEM. */
  private static double[] positiveDefinite(SplittableRandom random, int stride) {
    double[] a = new double[SYSTEM * stride];
    for (int i = 0; i < SYSTEM; i++) {
      for (int j = i; j < SYSTEM; j++) {
        a[i * stride + j] = i == j ? SYSTEM : random.nextDouble() - 0.5;
      }
      a[i * stride + SYSTEM] = random.nextGaussian();
    }
    return a;
  }
}
