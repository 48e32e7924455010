package io.recopipe.model.als;

/**
 * Assembles one row's least-squares system {@code A = Σ ỹỹᵀ, b = Σ t ỹ} over its ratings, with
 * ỹ = (other side's factors, 1) and t = r − μ − other side's intercept: the O(n·d²) part shared
 * by every ALS-style update. It holds per-thread scratch, so the hot loop allocates nothing; the
 * caller adds its own diagonal (regularization, variances) to {@link #matrix()} and solves.
 */
final class NormalEquations {
  private final int k;
  private final int d;
  private final int stride;
  private final float[] gram;
  private final float[] rhs;
  private final float[] rows;
  private final int matrixStride;
  private final double[] matrix;
  private final double[] vector;

  NormalEquations(int k) {
    this.k = k;
    this.d = k + 1;
    this.stride = GramKernel.stride(d);
    this.gram = new float[d * stride];
    this.rhs = new float[d];
    this.rows = new float[4 * stride];
    this.matrixStride = Cholesky.stride(d);
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
   * After {@link #solve()}, turns standard normal draws {@code z} in place into a draw from
   * N(0, A⁻¹) using the Cholesky factor (the Gibbs sampler's noise term).
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
    return Cholesky.solveInPlace(matrix, vector, d, matrixStride);
  }

  /** The right-hand side as assembled, and the solution after {@link #solve()}. */
  double[] solution() {
    return vector;
  }

  /** Assembles the system of entries {@code [from, to)} against the {@code fixed} side. */
  void assemble(int[] columns, float[] values, int from, int to, float mu, FactorSide fixed) {
    java.util.Arrays.fill(gram, 0f);
    java.util.Arrays.fill(rhs, 0f);
    float[] fixedFactors = fixed.factors;
    float[] fixedIntercepts = fixed.intercepts;
    int e = from;
    for (; e + 4 <= to; e += 4) {
      float t0 = gather(0, columns[e], values[e], mu, fixedFactors, fixedIntercepts);
      float t1 = gather(1, columns[e + 1], values[e + 1], mu, fixedFactors, fixedIntercepts);
      float t2 = gather(2, columns[e + 2], values[e + 2], mu, fixedFactors, fixedIntercepts);
      float t3 = gather(3, columns[e + 3], values[e + 3], mu, fixedFactors, fixedIntercepts);
      GramKernel.addFour(gram, rhs, rows, d, stride, t0, t1, t2, t3);
    }
    for (; e < to; e++) {
      float t = gather(0, columns[e], values[e], mu, fixedFactors, fixedIntercepts);
      GramKernel.addOne(gram, rhs, rows, d, stride, t);
    }
    for (int i = 0; i < d; i++) {
      int base = i * matrixStride;
      int source = i * stride;
      for (int j = i; j < d; j++) {
        matrix[base + j] = gram[source + j];
      }
      vector[i] = rhs[i];
    }
  }

  private float gather(int slot, int column, float value, float mu, float[] fixedFactors,
      float[] fixedIntercepts) {
    System.arraycopy(fixedFactors, column * k, rows, slot * stride, k);
    rows[slot * stride + k] = 1f;
    return value - mu - fixedIntercepts[column];
  }
}
