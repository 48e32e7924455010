package io.recopipe.model.als;

import java.util.SplittableRandom;

/**
 * Gets the Vector API kernels compiled by the optimizing JIT before the first iteration uses
 * them: until then every vector operation runs as an allocating library call, a hundred times
 * slower, and a cold first iteration spent most of its time there. The kernels run on tiny
 * inputs, cheap even when slow, until a call takes what compiled code takes (or a time cap
 * passes); the results are discarded, so training results do not depend on it.
 */
final class KernelWarmup {
  /** Gives up waiting for the compiler after this long (a loaded machine; results are unaffected). */
  private static final long CAP_NANOS = 1_500_000_000L;
  /** A compiled vector op costs about a nanosecond; an interpreted or C1 one, 50 or more. */
  private static final double NANOS_PER_OP = 10;
  private static final int BATCH = 32;
  private static final int RATINGS = 16;
  /** A system size that exercises every branch of the factorization's blocking. */
  private static final int SYSTEM = 19;

  private static volatile boolean warm;

  private KernelWarmup() {
  }

  /** Warms the kernels for {@code k} factors once per JVM; a no-op without the Vector API. */
  static void ensureWarm(int k) {
    if (warm || !GramKernel.VECTOR_API) {
      return;
    }
    synchronized (KernelWarmup.class) {
      if (!warm) {
        run(k);
        warm = true;
      }
    }
  }

  private static void run(int k) {
    int stride = GramKernel.stride(k);
    SplittableRandom random = new SplittableRandom(1);
    float[] tile = new float[RATINGS * stride];
    float[] targets = new float[RATINGS];
    for (int e = 0; e < RATINGS; e++) {
      for (int f = 0; f < k; f++) {
        tile[e * stride + f] = (float) random.nextGaussian();
      }
      targets[e] = (float) random.nextGaussian();
    }
    float[] gram = new float[stride * stride];
    float[] columnSums = new float[stride];
    float[] rhs = new float[stride];
    int systemStride = Cholesky.stride(SYSTEM + 1);
    double[] system = positiveDefinite(random, systemStride);
    double[] scratch = new double[system.length];
    double[] x = new double[SYSTEM];
    double ops = RATINGS * (double) stride * stride / (2 * VectorGramKernel.lanes())
        + Math.pow(SYSTEM, 3) / 6 / VectorCholeskyKernel.lanes();
    double budget = BATCH * (NANOS_PER_OP * ops + 1000);
    long start = System.nanoTime();
    long now = start;
    while (now - start < CAP_NANOS) {
      for (int call = 0; call < BATCH; call++) {
        GramKernel.accumulate(tile, targets, RATINGS, stride, gram, columnSums, rhs);
        System.arraycopy(system, 0, scratch, 0, system.length);
        Cholesky.solveAugmented(scratch, x, SYSTEM, systemStride);
      }
      long batchEnd = System.nanoTime();
      if (batchEnd - now < budget) {
        return;
      }
      now = batchEnd;
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
