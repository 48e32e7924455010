package io.recopipe.model.als;

import io.recopipe.model.data.CsrView;

/**
 * One half of an ALS iteration: re-solves every row of one side (users, or items) with the other
 * side held fixed. The item half-step also measures the training loss on the updated model while
 * each item's ratings are hot in cache, which saves a separate pass over the data.
 */
final class HalfStep {
  /** Rows per parallel block: small enough to balance, large enough to amortize scheduling. */
  private static final int BLOCK_ROWS = 32;

  private final ParallelRows parallel;
  private final RegularizationMode mode;
  private final double l2Reg;
  private final double interceptL2Reg;
  private final double exponent;

  HalfStep(
      ParallelRows parallel,
      RegularizationMode mode,
      double l2Reg,
      double interceptL2Reg,
      double exponent) {
    this.exponent = exponent;
    this.parallel = parallel;
    this.mode = mode;
    this.l2Reg = l2Reg;
    this.interceptL2Reg = interceptL2Reg;
  }

  /** Sums a half-step returns: the regularization term and, when asked, the squared error. */
  record Sums(double regularization, double squaredError) {}

  /**
   * Solves every row of {@code view} (rows of {@code target}, columns of {@code fixed}); when
   * {@code measureLoss}, {@code fixed} must be the user side and the squared error of every rating
   * under the updated model is summed.
   */
  Sums run(CsrView view, float mu, FactorSide fixed, FactorSide target, boolean measureLoss) {
    int[] columns = view.columnArray();
    float[] values = view.valueArray();
    int[] offsets = view.offsetArray();
    int k = target.k;
    double[] totals =
        parallel.run(
            target.rows,
            BLOCK_ROWS,
            2,
            () -> new RowSolver(k),
            (from, to, solver, partials) -> {
              for (int row = from; row < to; row++) {
                int start = offsets[row];
                int end = offsets[row + 1];
                double scale =
                    mode == RegularizationMode.WEIGHTED ? Math.pow(end - start, exponent) : 1.0;
                partials[0] +=
                    solver.solve(
                        row,
                        columns,
                        values,
                        start,
                        end,
                        mu,
                        fixed,
                        target,
                        l2Reg * scale,
                        interceptL2Reg * scale);
                if (measureLoss) {
                  partials[1] +=
                      SquaredError.ofRow(row, columns, values, start, end, mu, fixed, target);
                }
              }
            });
    return new Sums(totals[0], totals[1]);
  }
}
