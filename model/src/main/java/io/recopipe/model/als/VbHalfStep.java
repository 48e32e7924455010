package io.recopipe.model.als;

import io.recopipe.model.data.CsrView;

/**
 * One half of a {@link TrainingMethod#VB} iteration: re-solves every row's posterior on one side
 * with the other side's posterior fixed, and sums, in block order, what the hyperparameter
 * updates and the variational bound need.
 */
final class VbHalfStep {
  /** Rows per parallel block, as in {@link HalfStep}. */
  private static final int BLOCK_ROWS = 32;

  private final ParallelRows parallel;

  VbHalfStep(ParallelRows parallel) {
    this.parallel = parallel;
  }

  /** One side's diagonal posterior variances, laid out like its {@link FactorSide}. */
  static final class Variances {
    final float[] factors;
    final float[] intercepts;

    Variances(int rows, int k) {
      factors = new float[Math.multiplyExact(rows, k)];
      intercepts = new float[rows];
    }
  }

  /**
   * What a half-step sums: {@code moments[f]} = Σ E[x_f²] over rows with ratings ({@code [k]}:
   * the intercept), their count, Σ log(variance) over those rows' coordinates, and, when
   * measured, Σ (r − r̂)² of the means and Σ E[(r − r̂)²] under the posterior.
   */
  record Sums(double[] moments, long rowsWithData, double logVariance, double squaredError,
      double expectedSquaredError) {
  }

  /**
   * Solves every row of {@code view} against {@code fixed}; when {@code measureLoss},
   * {@code fixed} must be the user side and the errors of every rating under the updated
   * posterior are summed.
   */
  Sums run(CsrView view, float mu, FactorSide fixed, Variances fixedVar, FactorSide target,
      Variances targetVar, double[] lambdas, double lambdaIntercept, double noise,
      boolean measureLoss) {
    int[] columns = view.columnArray();
    float[] values = view.valueArray();
    int[] offsets = view.offsetArray();
    int k = target.k;
    double[] totals = parallel.run(target.rows, BLOCK_ROWS, k + 5, () -> new VbRowSolver(k),
        (from, to, solver, partials) -> {
          for (int row = from; row < to; row++) {
            int start = offsets[row];
            int end = offsets[row + 1];
            solver.solve(row, columns, values, start, end, mu, fixed, fixedVar.factors, target,
                targetVar.factors, targetVar.intercepts, lambdas, lambdaIntercept, noise,
                partials);
            if (measureLoss) {
              errors(row, columns, values, start, end, mu, fixed, fixedVar, target, targetVar,
                  partials, k + 3);
            }
          }
        });
    return new Sums(java.util.Arrays.copyOf(totals, k + 1), (long) totals[k + 1], totals[k + 2],
        totals[k + 3], totals[k + 4]);
  }

  /**
   * Adds item {@code item}'s squared error of the means (predicted exactly as {@code MfModel}
   * does) into {@code sums[at]}, and its expected squared error under the factorized posterior,
   * {@code (r − r̂)² + Σ_f (x̄_f² s_y + ȳ_f² s_x + s_x s_y) + s_bu + s_bi}, into {@code sums[at + 1]}.
   */
  private static void errors(int item, int[] users, float[] values, int from, int to, float mu,
      FactorSide userSide, Variances userVar, FactorSide itemSide, Variances itemVar,
      double[] sums, int at) {
    int k = itemSide.k;
    float[] x = userSide.factors;
    float[] y = itemSide.factors;
    float[] sx = userVar.factors;
    float[] sy = itemVar.factors;
    int io = item * k;
    float itemIntercept = itemSide.intercepts[item];
    double squared = 0;
    double expected = 0;
    for (int e = from; e < to; e++) {
      int user = users[e];
      int uo = user * k;
      float dot = 0;
      double spread = 0;
      for (int f = 0; f < k; f++) {
        float xf = x[uo + f];
        float yf = y[io + f];
        dot += xf * yf;
        spread += (double) xf * xf * sy[io + f] + (double) yf * yf * sx[uo + f]
            + (double) sx[uo + f] * sy[io + f];
      }
      float predicted = mu + userSide.intercepts[user] + itemIntercept + dot;
      double residual = (double) values[e] - predicted;
      squared += residual * residual;
      expected += residual * residual + spread + userVar.intercepts[user]
          + itemVar.intercepts[item];
    }
    sums[at] += squared;
    sums[at + 1] += expected;
  }
}
