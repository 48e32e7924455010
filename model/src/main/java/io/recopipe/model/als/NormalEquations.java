package io.recopipe.model.als;

/**
 * Assembles one row's least-squares system {@code A = Σ ỹỹᵀ, b = Σ t ỹ} over its ratings, with ỹ =
 * (other side's factors, 1) and t = r − μ − other side's intercept: the O(n·d²) part shared by
 * every ALS-style update. It holds per-thread scratch, so the hot loop allocates nothing; the
 * caller adds its own diagonal (regularization, variances) to {@link #matrix()} and solves.
 */
final class NormalEquations {
  private final int k;
  private final int d;
  private final int stride;
  private final int tileColumns;
  private final int tileStride;
  private final float[] gram;
  private final float[] columnSums;
  private final float[] rhs;
  private float[] tile;
  private float[] targets;
  private final int matrixStride;
  private final double[] matrix;
  private final double[] vector;

  NormalEquations(int k) {
    this(k, k);
  }

  /**
   * Equations of k factors whose {@link #tile()} keeps {@code tileColumns ≥ k} values of each
   * gathered row: the factors first, then what the caller sums from the tile itself (VB's
   * variances), so one copy per rating brings both.
   */
  NormalEquations(int k, int tileColumns) {
    this.k = k;
    this.d = k + 1;
    this.stride = GramKernel.stride(k);
    this.tileColumns = tileColumns;
    this.tileStride = GramKernel.stride(tileColumns);
    this.gram = new float[stride * stride];
    this.columnSums = new float[stride];
    this.rhs = new float[stride];
    this.tile = new float[16 * tileStride];
    this.targets = new float[16];
    // one spare column past the d×d system for the right-hand side (see Cholesky#solveAugmented)
    this.matrixStride = Cholesky.stride(d + 1);
    this.matrix = new double[d * matrixStride];
    this.vector = new double[d];
  }

  /** The system's size, k factors plus the intercept. */
  int size() {
    return d;
  }

  /** Adds {@code value} to diagonal entry {@code i} (regularization, variances). */
  void addToDiagonal(int i, double value) {
    matrix[i * matrixStride + i] += value;
  }

  /** Adds {@code value} to upper-triangle entry (i, j), j ≥ i (a full prior precision). */
  void addToMatrix(int i, int j, double value) {
    matrix[i * matrixStride + j] += value;
  }

  /**
   * After {@link #solve()}, turns standard normal draws {@code z} in place into a draw from N(0,
   * A⁻¹) using the Cholesky factor (the Gibbs sampler's noise term).
   */
  void sampleInPlace(double[] z) {
    Cholesky.solveUpper(matrix, z, d, matrixStride);
  }

  /** Diagonal entry {@code i} of the matrix as it stands (before {@link #solve()}). */
  double diagonal(int i) {
    return matrix[i * matrixStride + i];
  }

  /**
   * Solves the system in place by Cholesky; afterwards {@link #solution()} holds x.
   *
   * @return false when the matrix is not positive definite
   */
  boolean solve() {
    for (int i = 0; i < d; i++) {
      matrix[i * matrixStride + d] = vector[i];
    }
    return Cholesky.solveAugmented(matrix, vector, d, matrixStride);
  }

  /**
   * The last assembled row's gathered factor vectors, rating e's at {@code e * tileStride()}: a
   * contiguous copy that later passes over the same ratings read instead of the scattered rows.
   */
  float[] tile() {
    return tile;
  }

  /** The distance between consecutive ratings' vectors in {@link #tile()}. */
  int tileStride() {
    return tileStride;
  }

  /** The right-hand side as assembled, and the solution after {@link #solve()}. */
  double[] solution() {
    return vector;
  }

  /**
   * Assembles the system of entries {@code [from, to)} against the {@code fixed} side: gathers the
   * row's factor vectors into one contiguous tile, then sums them all in one kernel call.
   */
  void assemble(int[] columns, float[] values, int from, int to, float mu, FactorSide fixed) {
    assemble(columns, values, from, to, mu, fixed.factors, k, fixed.intercepts);
  }

  /**
   * Assembles the system of entries {@code [from, to)} against fixed rows stored {@code rowStride}
   * apart in {@code rows} (each with its k factors first) and intercepts {@code intercepts}:
   * gathers each rated row's first {@code tileColumns} values into the tile, then sums the factors
   * in one kernel call.
   */
  void assemble(
      int[] columns,
      float[] values,
      int from,
      int to,
      float mu,
      float[] rows,
      int rowStride,
      float[] intercepts) {
    int n = to - from;
    if (n > targets.length) {
      int capacity = Math.max(n, 2 * targets.length);
      targets = new float[capacity];
      tile = new float[Math.multiplyExact(capacity, tileStride)];
    }
    float interceptRhs = 0f;
    int e = 0;
    for (; e < n; e++) {
      int column = columns[from + e];
      System.arraycopy(rows, column * rowStride, tile, e * tileStride, tileColumns);
      targets[e] = values[from + e] - mu - intercepts[column];
    }
    // The intercept's ỹ entry is 1: its right-hand side sums t in order, as the kernel does.
    for (e = 0; e < n; e++) {
      interceptRhs += targets[e];
    }
    GramKernel.accumulate(tile, tileStride, targets, n, stride, gram, columnSums, rhs);
    for (int i = 0; i < k; i++) {
      int base = i * matrixStride;
      int source = i * stride;
      clearOutsideTriangle(base, i);
      for (int j = i; j < k; j++) {
        matrix[base + j] = gram[source + j];
      }
      matrix[base + k] = columnSums[i];
      vector[i] = rhs[i];
    }
    // Σ 1·1 over n ratings, exact in float for any row this size.
    clearOutsideTriangle(k * matrixStride, k);
    matrix[k * matrixStride + k] = n;
    vector[k] = interceptRhs;
  }

  /**
   * Zeroes the cells of row {@code i} that the SIMD factorization reads but the system does not
   * hold (left of the diagonal within its lane block, and past the right-hand side's column), so no
   * leftovers of earlier rows can grow into infinities or slow subnormals there.
   */
  private void clearOutsideTriangle(int base, int i) {
    for (int c = i - i % Cholesky.lanes(); c < i; c++) {
      matrix[base + c] = 0;
    }
    for (int c = d + 1; c < matrixStride; c++) {
      matrix[base + c] = 0;
    }
  }
}
