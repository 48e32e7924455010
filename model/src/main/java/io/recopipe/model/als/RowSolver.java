package io.recopipe.model.als;

import io.recopipe.model.error.OperationFailedException;

/**
 * Solves one row's regularized least-squares problem of explicit ALS (Zhou et al. 2008) with the
 * BigQuery ML model: it finds the factors x and intercept b of one user (or item) minimizing {@code
 * Σ (r − μ − b_other − b − xᵀy)² + λ_x‖x‖² + λ_b b²} given the other side fixed. One instance per
 * thread holds the scratch buffers, so the hot loop allocates nothing.
 */
final class RowSolver {
  private final int k;
  private final NormalEquations equations;

  RowSolver(int k) {
    this.k = k;
    this.equations = new NormalEquations(k);
  }

  /**
   * Solves row {@code row} of {@code view} against {@code fixed} and writes the result into {@code
   * target}; returns the row's regularization term (λ_x‖x‖² + λ_b b²).
   */
  double solve(
      int row,
      int[] columns,
      float[] values,
      int from,
      int to,
      float mu,
      FactorSide fixed,
      FactorSide target,
      double lambda,
      double lambdaIntercept) {
    int out = row * k;
    if (to == from) {
      java.util.Arrays.fill(target.factors, out, out + k, 0f);
      target.intercepts[row] = 0f;
      return 0;
    }
    equations.assemble(columns, values, from, to, mu, fixed);
    for (int f = 0; f < k; f++) {
      equations.addToDiagonal(f, lambda);
    }
    equations.addToDiagonal(k, lambdaIntercept);
    if (!equations.solve()) {
      throw new OperationFailedException(
          "ALS normal equations are not positive definite for row "
              + row
              + " ("
              + (to - from)
              + " ratings); raise l2_reg or intercept_l2_reg above 0");
    }
    double[] solution = equations.solution();
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
}
