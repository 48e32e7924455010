package io.recopipe.model.als;

import io.recopipe.model.error.OperationFailedException;

/**
 * Solves one row's update of {@link TrainingMethod#VB}, fully factorized variational Bayes for the
 * BigQuery ML model (Lim &amp; Teh 2007; the diagonal-covariance variant of VB-PCA, Raiko, Ilin
 * &amp; Karhunen 2007). With the other side's posterior means ȳ and variances s fixed, the row's
 * posterior means (factors x and intercept b) solve {@code (Σ ỹỹᵀ + diag(Σ s) + τ²Λ) x̃ = Σ t ỹ}
 * and each coordinate's variance is {@code τ² / A_ff}: the ALS normal equations plus the other
 * side's summed variances on the diagonal, which is why it costs only k adds per rating more than
 * ALS. The summed variances shrink a row harder the more uncertain the vectors it is fitted to, a
 * data-driven regularizer that a single λ cannot express.
 */
final class VbRowSolver {
  private final int k;
  private final NormalEquations equations;
  private final double[] varianceSum;
  private final double[] squareSum;
  private final double[] precision;

  VbRowSolver(int k) {
    this.k = k;
    this.equations = new NormalEquations(k, 2 * k);
    this.varianceSum = new double[k];
    this.squareSum = new double[k];
    this.precision = new double[k + 1];
  }

  /**
   * Updates row {@code row}'s posterior against the other side's ({@code fixed}'s intercepts and
   * {@code fixedPosterior}): means into {@code target} and {@code posterior}, variances into {@code
   * posterior}. {@code lambdas[f]} is τ²/σ_f² and {@code lambdaIntercept} τ²/σ_b². Adds E[x_f²]
   * into {@code sums[f]}, E[b²] into {@code sums[k]}, 1 into {@code sums[k + 1]} when the row has
   * ratings, and Σ log(variance) into {@code sums[k + 2]}.
   */
  void solve(
      int row,
      int[] columns,
      float[] values,
      int from,
      int to,
      float mu,
      FactorSide fixed,
      VbHalfStep.Posterior fixedPosterior,
      FactorSide target,
      VbHalfStep.Posterior posterior,
      double[] lambdas,
      double lambdaIntercept,
      double noise,
      double[] sums) {
    int out = row * k;
    float[] packed = posterior.packed;
    int means = posterior.offset(row);
    int variances = means + k;
    if (to == from) {
      // No ratings: the posterior is the prior (mean 0), and the row adds nothing to the bound.
      java.util.Arrays.fill(target.factors, out, out + k, 0f);
      java.util.Arrays.fill(packed, means, variances, 0f);
      target.intercepts[row] = 0f;
      for (int f = 0; f < k; f++) {
        packed[variances + f] = (float) (noise / lambdas[f]);
      }
      posterior.interceptVariances[row] = (float) (noise / lambdaIntercept);
      return;
    }
    equations.assemble(
        columns, values, from, to, mu, fixedPosterior.packed, 2 * k, fixed.intercepts);
    RowSums.columns(equations.tile(), k, equations.tileStride(), to - from, k, varianceSum);
    for (int f = 0; f < k; f++) {
      squareSum[f] = equations.diagonal(f);
    }
    for (int f = 0; f < k; f++) {
      equations.addToDiagonal(f, varianceSum[f] + lambdas[f]);
    }
    equations.addToDiagonal(k, lambdaIntercept);
    for (int i = 0; i <= k; i++) {
      precision[i] = equations.diagonal(i);
    }
    if (!equations.solve()) {
      throw new OperationFailedException(
          "VB normal equations are not positive definite for row "
              + row
              + " ("
              + (to - from)
              + " ratings)");
    }
    double[] solution = equations.solution();
    double logVariance = 0;
    for (int f = 0; f < k; f++) {
      float x = (float) solution[f];
      float s = (float) (noise / precision[f]);
      target.factors[out + f] = x;
      packed[means + f] = x;
      packed[variances + f] = s;
      sums[f] += (double) x * x + s;
      logVariance += Math.log(s);
    }
    float b = (float) solution[k];
    float sb = (float) (noise / precision[k]);
    target.intercepts[row] = b;
    posterior.interceptVariances[row] = sb;
    sums[k] += (double) b * b + sb;
    sums[k + 1] += 1;
    sums[k + 2] += logVariance + Math.log(sb);
  }

  /** The last solved row's gathered fixed-side factors (see {@link NormalEquations#tile()}). */
  NormalEquations equations() {
    return equations;
  }

  /** Σ s_f of the fixed side's variances over the last solved row's ratings. */
  double[] varianceSum() {
    return varianceSum;
  }

  /** Σ ȳ_f² of the fixed side's means over the last solved row's ratings (float sums). */
  double[] squareSum() {
    return squareSum;
  }
}
