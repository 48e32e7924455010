package io.recopipe.model.als;

import io.recopipe.model.data.CsrView;

/**
 * One half of a {@link TrainingMethod#GIBBS} sweep: draws every row of one side from its full
 * conditional, each from its own {@link RandomStreams} stream, and sums in block order the moments
 * the side's hyperparameter draw needs (and, after the item half, the squared error the noise draw
 * needs).
 */
final class GibbsHalfStep {
  /** Rows per parallel block, as in {@link HalfStep}. */
  private static final int BLOCK_ROWS = 32;

  private final ParallelRows parallel;
  private final long seed;

  GibbsHalfStep(ParallelRows parallel, long seed) {
    this.parallel = parallel;
    this.seed = seed;
  }

  /**
   * What a half-step sums over the rows with ratings: Σ x̃ and Σ x̃x̃ᵀ (d×d row-major) of the drawn
   * vectors, their count, and, when measured, Σ (r − r̂)² of the new sample.
   */
  record Sums(double[] sum, double[] outer, long rows, double squaredError) {}

  /**
   * Draws every row of {@code view} into {@code target} against {@code fixed}; when {@code
   * measureLoss}, {@code fixed} must be the user side.
   */
  Sums run(
      int iteration,
      int side,
      CsrView view,
      float mu,
      FactorSide fixed,
      FactorSide target,
      RowPrior prior,
      double noisePrecision,
      boolean measureLoss,
      FactorSide means) {
    int[] columns = view.columnArray();
    float[] values = view.valueArray();
    int[] offsets = view.offsetArray();
    int k = target.k;
    int d = k + 1;
    double[] shift = prior.precisionTimesMean();
    double[] totals =
        parallel.run(
            target.rows,
            BLOCK_ROWS,
            d + d * d + 2,
            () -> new GibbsRowSampler(k),
            (from, to, sampler, partials) -> {
              for (int row = from; row < to; row++) {
                int start = offsets[row];
                int end = offsets[row + 1];
                sampler.sample(
                    row,
                    columns,
                    values,
                    start,
                    end,
                    mu,
                    fixed,
                    target,
                    prior,
                    shift,
                    noisePrecision,
                    RandomStreams.of(seed, iteration, side, row),
                    partials,
                    means);
                if (measureLoss) {
                  partials[d + d * d + 1] +=
                      SquaredError.ofRow(row, columns, values, start, end, mu, fixed, target);
                }
              }
            });
    return new Sums(
        java.util.Arrays.copyOf(totals, d),
        java.util.Arrays.copyOfRange(totals, d, d + d * d),
        (long) totals[d + d * d],
        totals[d + d * d + 1]);
  }
}
