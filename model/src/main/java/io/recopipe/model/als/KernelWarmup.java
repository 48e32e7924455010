package io.recopipe.model.als;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gets the Vector API kernels compiled by the optimizing JIT before the first iteration uses them:
 * until then every vector operation runs as an allocating library call, a hundred times slower, and
 * a cold first iteration spent most of its time there. The JIT compiles a method after about 5,000
 * calls, so the warm-up calls each kernel that holds vector operations (the blocks of the Gram
 * matrix, of the Cholesky factorization and of the row sums) directly, on the smallest inputs that
 * run every loop, about as often as that; then a probe every few milliseconds (leaving the cores to
 * the compiler) waits until the calls take what compiled code takes, or a time cap passes. The glue
 * that calls the kernels is plain scalar code, which the JIT compiles quickly during training.
 * While it runs, the kernels' callers use the plain loops instead ({@link #vectorKernels}), which
 * give the same bits at a tenth of the compiled speed but far above the uncompiled one, so a fit
 * never waits for the warm-up nor runs uncompiled vector code. The warm-up's results are discarded,
 * so training results do not depend on it.
 */
final class KernelWarmup {
  /**
   * Stops after this long, or after {@link #CPU_CAP_NANOS} of its own CPU time (a loaded machine,
   * or a JVM that does not compile; results are unaffected either way).
   */
  private static final long CAP_NANOS = 10_000_000_000L;

  private static final long CPU_CAP_NANOS = 1_500_000_000L;

  /**
   * Rounds made back to back before pausing for the compiler: each calls every kernel four times,
   * so each kernel passes HotSpot's 5,000 calls with a margin for the calls made before profiling
   * starts.
   */
  private static final int TRIGGER_ROUNDS = 1_600;

  /** Rounds timed together. */
  private static final int BATCH = 2;

  /**
   * A round's vector operations (loads, broadcasts, fused multiply-adds, stores), four calls of
   * each kernel: about 200 in the Gram blocks, 210 in the Cholesky blocks and 35 in the row sums.
   */
  private static final int OPS_PER_ROUND = 4 * 445;

  /** A compiled vector op costs about a nanosecond; an interpreted or C1 one, 30 or more. */
  private static final long COMPILED_ROUND_NANOS = 10L * OPS_PER_ROUND;

  /**
   * Ratings per Gram call: the fewest that run the loops over ratings more than once, so that the
   * JIT compiles them as loops.
   */
  private static final int RATINGS = 2;

  /** Rows above the four a Cholesky block updates (more than one, for the same reason). */
  private static final int PIVOTS = 2;

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private static volatile boolean warming;

  private final int floatLanes = VectorGramKernel.lanes();
  private final int stride = 4 * floatLanes;
  private final float[] tile = new float[RATINGS * stride];
  private final float[] targets = new float[RATINGS];
  private final float[] gram = new float[stride * stride];
  private final float[] columnSums = new float[stride];
  private final float[] rhs = new float[stride];
  private final double[] sums = new double[stride];
  private final int doubleStride = 3 * VectorCholeskyKernel.lanes();

  /** All zeros, which every Cholesky block leaves as they are (no growth, no subnormals). */
  private final double[] system = new double[(PIVOTS + 4) * doubleStride];

  private KernelWarmup() {
    SplittableRandom random = new SplittableRandom(1);
    for (int n = 0; n < tile.length; n++) {
      tile[n] = (float) random.nextGaussian();
    }
    for (int n = 0; n < RATINGS; n++) {
      targets[n] = (float) random.nextGaussian();
    }
  }

  /**
   * Whether the Vector API kernels are to be used: the module is present and no warm-up is running
   * (until it ends they run uncompiled, and the plain loops give the same bits much faster).
   */
  static boolean vectorKernels() {
    return GramKernel.VECTOR_API && !warming;
  }

  /**
   * Warms the kernels on this thread, once per JVM; returns at once if a warm-up started before (or
   * without the Vector API).
   */
  static void ensureWarm() {
    if (claim()) {
      run();
    }
  }

  /** Starts the warm-up on a daemon thread unless one started before; returns at once. */
  static void startInBackground() {
    if (claim()) {
      Thread thread = new Thread(KernelWarmup::run, "recopipe-kernel-warmup");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Claims the JVM's one warm-up; from here until it ends, the plain kernels are used. */
  private static boolean claim() {
    if (!GramKernel.VECTOR_API || !STARTED.compareAndSet(false, true)) {
      return false;
    }
    warming = true;
    return true;
  }

  private static void run() {
    try {
      new KernelWarmup().warm();
    } finally {
      warming = false;
    }
  }

  private void warm() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    for (int batch = 0;
        System.nanoTime() - start < CAP_NANOS
            && threads.getCurrentThreadCpuTime() - cpuStart < CPU_CAP_NANOS;
        batch++) {
      long batchStart = System.nanoTime();
      for (int round = 0; round < BATCH; round++) {
        gramBlocks();
        choleskyBlocks();
        rowSums();
      }
      if (System.nanoTime() - batchStart < BATCH * COMPILED_ROUND_NANOS) {
        return;
      }
      if (batch * BATCH >= TRIGGER_ROUNDS) {
        pause(); // queued for compilation: leave the cores to the compiler
      }
    }
  }

  /**
   * Four calls of every block {@link VectorGramKernel#accumulate} uses. Each caller here loops, so
   * that the JIT, counting a loop's turns with its calls, compiles the kernels it calls before the
   * caller (which would take the smaller kernels inline and stop counting their calls).
   */
  private void gramBlocks() {
    boolean eights = floatLanes % 8 == 0;
    for (int i = 0; i < 16; i += 4) {
      VectorGramKernel.gramBlock4(tile, stride, RATINGS, stride, i, 0, gram);
      VectorGramKernel.gramBlock3(tile, stride, RATINGS, stride, i, 0, gram);
      VectorGramKernel.gramBlock(tile, stride, RATINGS, stride, i, 0, gram);
      if (eights) {
        VectorGramKernel.gramColumn8(tile, stride, RATINGS, stride, i, 0, gram);
      } else {
        VectorGramKernel.gramColumn(tile, stride, RATINGS, stride, i, 0, gram);
      }
      VectorGramKernel.sumsBlock(tile, stride, targets, RATINGS, 0, columnSums, rhs);
    }
  }

  /** Four calls of every block {@link Cholesky#factorSimd} uses, each over {@link #PIVOTS} rows. */
  private void choleskyBlocks() {
    for (int q = 0; q < 4; q++) {
      int m = q % PIVOTS;
      VectorCholeskyKernel.fourByTwo(system, PIVOTS, doubleStride, 0);
      VectorCholeskyKernel.fourByThree(system, PIVOTS, doubleStride, 0);
      VectorCholeskyKernel.fourByOne(system, PIVOTS, doubleStride, 0);
      VectorCholeskyKernel.subtractRow(system, m, PIVOTS, doubleStride);
      VectorCholeskyKernel.scaleRow(system, PIVOTS + m, doubleStride, 1.0);
    }
  }

  /** Four calls of both blocks of {@link VectorRowSums#columns}. */
  private void rowSums() {
    for (int q = 0; q < 4; q++) {
      VectorRowSums.four(tile, 0, stride, RATINGS, sums, 0);
      VectorRowSums.one(tile, 0, stride, RATINGS, sums, 0);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
