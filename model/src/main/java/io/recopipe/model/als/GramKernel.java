package io.recopipe.model.als;

/**
 * Accumulates the normal equations {@code A += Σ ỹ ỹᵀ, b += Σ t ỹ} of one ALS row, the step that
 * costs O(n·d²) and dominates training time. Each element of A and b is one fused multiply-add
 * chain over the row's ratings in order, which the Vector API kernel computes a register block at a
 * time; the summation order per element is fixed, so results are bit-identical with or without SIMD
 * and for any thread count.
 */
final class GramKernel {
  /**
   * Whether the Vector API module was added to this JVM ({@code --add-modules
   * jdk.incubator.vector}).
   */
  static final boolean VECTOR_API =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
          && !Boolean.getBoolean("recopipe.scalar");

  private GramKernel() {}

  /** The row stride for d values: d rounded up to the SIMD lane count, so no masks are needed. */
  static int stride(int d) {
    int lanes = VECTOR_API ? VectorGramKernel.lanes() : 1;
    return (d + lanes - 1) / lanes * lanes;
  }

  /**
   * {@link #accumulate(float[], int, float[], int, int, float[], float[], float[])} for rows {@code
   * stride} apart.
   */
  static void accumulate(
      float[] tile,
      float[] targets,
      int n,
      int stride,
      float[] gram,
      float[] columnSums,
      float[] rhs) {
    accumulate(tile, stride, targets, n, stride, gram, columnSums, rhs);
  }

  /**
   * Sums a whole row's gathered ratings at once: {@code n} factor rows in {@code tile} ({@code
   * tileStride} apart, zero-padded to {@code stride} columns) with targets {@code targets[0..n)}
   * give the upper triangle of Σ y yᵀ in {@code gram} (stride rows of stride; cells left of the
   * diagonal's lane block are written but meaningless), Σ y in {@code columnSums} (the intercept's
   * column) and Σ t y in {@code rhs}; columns of the tile past {@code stride} are not read. Every
   * element is one chain of fused multiply-adds (plain adds for Σ y) over the ratings in order, so
   * the SIMD and scalar kernels give bit-identical sums.
   */
  static void accumulate(
      float[] tile,
      int tileStride,
      float[] targets,
      int n,
      int stride,
      float[] gram,
      float[] columnSums,
      float[] rhs) {
    if (KernelWarmup.vectorKernels()) {
      VectorGramKernel.accumulate(tile, tileStride, targets, n, stride, gram, columnSums, rhs);
    } else {
      accumulateScalar(tile, tileStride, targets, n, stride, gram, columnSums, rhs);
    }
  }

  /** {@link #accumulate} without the Vector API. */
  static void accumulateScalar(
      float[] tile,
      int tileStride,
      float[] targets,
      int n,
      int stride,
      float[] gram,
      float[] columnSums,
      float[] rhs) {
    java.util.Arrays.fill(gram, 0, stride * stride, 0f);
    java.util.Arrays.fill(columnSums, 0, stride, 0f);
    java.util.Arrays.fill(rhs, 0, stride, 0f);
    for (int e = 0; e < n; e++) {
      int r = e * tileStride;
      float t = targets[e];
      for (int i = 0; i < stride; i++) {
        float c = tile[r + i];
        int row = i * stride;
        for (int j = i; j < stride; j++) {
          gram[row + j] = Math.fma(c, tile[r + j], gram[row + j]);
        }
        columnSums[i] += c;
        rhs[i] = Math.fma(c, t, rhs[i]);
      }
    }
  }

  /**
   * Adds four gathered rows ({@code rows}, each d long at {@code stride} apart, zero-padded) with
   * targets {@code t0..t3} into the upper triangle of {@code a} (d rows of {@code stride}) and into
   * {@code b}.
   */
  static void addFour(
      float[] a,
      float[] b,
      float[] rows,
      int d,
      int stride,
      float t0,
      float t1,
      float t2,
      float t3) {
    if (VECTOR_API) {
      VectorGramKernel.addFour(a, b, rows, d, stride, t0, t1, t2, t3);
      return;
    }
    int r1 = stride;
    int r2 = 2 * stride;
    int r3 = 3 * stride;
    for (int i = 0; i < d; i++) {
      float c0 = rows[i];
      float c1 = rows[r1 + i];
      float c2 = rows[r2 + i];
      float c3 = rows[r3 + i];
      int row = i * stride;
      for (int j = i; j < d; j++) {
        a[row + j] += c0 * rows[j] + c1 * rows[r1 + j] + c2 * rows[r2 + j] + c3 * rows[r3 + j];
      }
      b[i] += t0 * c0 + t1 * c1 + t2 * c2 + t3 * c3;
    }
  }

  /** Adds one gathered row ({@code rows[0..d)}) with target {@code t}. */
  static void addOne(float[] a, float[] b, float[] rows, int d, int stride, float t) {
    for (int i = 0; i < d; i++) {
      float c = rows[i];
      int row = i * stride;
      for (int j = i; j < d; j++) {
        a[row + j] += c * rows[j];
      }
      b[i] += t * c;
    }
  }
}
