package io.recopipe.model.als;

/**
 * Solves one row's regularized least-squares problem of explicit ALS (Zhou et al. 2008) with the
 * BigQuery ML model: it finds the factors x and intercept b of one user (or item) minimizing
 * {@code Σ (r − μ − b_other − b − xᵀy)² + λ_x‖x‖² + λ_b b²} given the other side fixed. One instance
 * per thread holds the scratch buffers, so the hot loop allocates nothing.
 */
final class RowSolver {
  private final int k;
  private final int d;
  private final int stride;
  private final float[] gram;
  private final float[] rhs;
  private final float[] rows;
  private final double[] work;
  private final double[] solution;

  RowSolver(int k) {
    this.k = k;
    this.d = k + 1;
    this.stride = GramKernel.stride(d);
    this.gram = new float[d * stride];
    this.rhs = new float[d];
    this.rows = new float[4 * stride];
    this.work = new double[d * d];
    this.solution = new double[d];
  }

  /**
   * Solves row {@code row} of {@code view} against {@code fixed} and writes the result into
   * {@code target}; returns the row's regularization term (λ_x‖x‖² + λ_b b²).
   */
  double solve(int row, int[] columns, float[] values, int from, int to, float mu, FactorSide fixed,
      FactorSide target, double lambda, double lambdaIntercept) {
    int n = to - from;
    int out = row * k;
    if (n == 0) {
      java.util.Arrays.fill(target.factors, out, out + k, 0f);
      target.intercepts[row] = 0f;
      return 0;
    }
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
      int base = i * d;
      int source = i * stride;
      for (int j = i; j < d; j++) {
        work[base + j] = gram[source + j];
      }
      solution[i] = rhs[i];
    }
    for (int f = 0; f < k; f++) {
      work[f * d + f] += lambda;
    }
    work[k * d + k] += lambdaIntercept;
    if (!Cholesky.solveInPlace(work, solution, d)) {
      throw new IllegalStateException("ALS normal equations are not positive definite for row "
          + row + " (" + n + " ratings); raise l2_reg or intercept_l2_reg above 0");
    }
    double regularization = 0;
    for (int f = 0; f < k; f++) {
      float x = (float) solution[f];
      target.factors[out + f] = x;
      regularization += lambda * x * x;
    }
    float b = (float) solution[k];
    target.intercepts[row] = b;
    return regularization + lambdaIntercept * b * b;
  }

  private float gather(int slot, int column, float value, float mu, float[] fixedFactors,
      float[] fixedIntercepts) {
    System.arraycopy(fixedFactors, column * k, rows, slot * stride, k);
    rows[slot * stride + k] = 1f;
    return value - mu - fixedIntercepts[column];
  }
}
