package io.recopipe.model.als;

import io.recopipe.model.data.CsrView;

/**
 * One half of a {@link TrainingMethod#VB} iteration: re-solves every row's posterior on one side
 * with the other side's posterior fixed, and sums, in block order, what the hyperparameter updates
 * and the variational bound need.
 */
final class VbHalfStep {
  /** Rows per parallel block, as in {@link HalfStep}. */
  private static final int BLOCK_ROWS = 32;

  private final ParallelRows parallel;

  VbHalfStep(ParallelRows parallel) {
    this.parallel = parallel;
  }

  /**
   * One side's diagonal posterior: row by row its k factor means, then their k variances, so the
   * other side's solve gathers a whole rated row's posterior with one contiguous copy (the means
   * are also kept in the side's {@link FactorSide}, which the model is made from); the intercepts'
   * variances apart.
   */
  static final class Posterior {
    final int k;
    final float[] packed;
    final float[] interceptVariances;

    Posterior(int rows, int k) {
      this.k = k;
      packed = new float[Math.multiplyExact(rows, 2 * k)];
      interceptVariances = new float[rows];
    }

    /** A posterior with the means of {@code side} and zero variances. */
    static Posterior of(FactorSide side) {
      Posterior posterior = new Posterior(side.rows, side.k);
      for (int row = 0; row < side.rows; row++) {
        System.arraycopy(side.factors, row * side.k, posterior.packed, row * 2 * side.k, side.k);
      }
      return posterior;
    }

    /** Where row {@code row}'s means start in {@link #packed}; its variances follow at +k. */
    int offset(int row) {
      return row * 2 * k;
    }
  }

  /**
   * What a half-step sums: {@code moments[f]} = Σ E[x_f²] over rows with ratings ({@code [k]}: the
   * intercept), their count, Σ log(variance) over those rows' coordinates, and, when measured, Σ (r
   * − r̂)² of the means and Σ E[(r − r̂)²] under the posterior.
   */
  record Sums(
      double[] moments,
      long rowsWithData,
      double logVariance,
      double squaredError,
      double expectedSquaredError) {}

  /**
   * Solves every row of {@code view} against {@code fixed}; when {@code measureLoss}, {@code fixed}
   * must be the user side and the errors of every rating under the updated posterior are summed.
   */
  Sums run(
      CsrView view,
      float mu,
      FactorSide fixed,
      Posterior fixedPost,
      FactorSide target,
      Posterior targetPost,
      double[] lambdas,
      double lambdaIntercept,
      double noise,
      boolean measureLoss) {
    int[] columns = view.columnArray();
    float[] values = view.valueArray();
    int[] offsets = view.offsetArray();
    int k = target.k;
    double[] totals =
        parallel.run(
            target.rows,
            BLOCK_ROWS,
            k + 5,
            () -> new VbRowSolver(k),
            (from, to, solver, partials) -> {
              for (int row = from; row < to; row++) {
                int start = offsets[row];
                int end = offsets[row + 1];
                solver.solve(
                    row,
                    columns,
                    values,
                    start,
                    end,
                    mu,
                    fixed,
                    fixedPost,
                    target,
                    targetPost,
                    lambdas,
                    lambdaIntercept,
                    noise,
                    partials);
                if (measureLoss && end > start) {
                  errors(
                      row,
                      columns,
                      values,
                      start,
                      end,
                      mu,
                      fixed,
                      fixedPost,
                      target,
                      targetPost,
                      solver,
                      partials,
                      k + 3);
                }
              }
            });
    return new Sums(
        java.util.Arrays.copyOf(totals, k + 1),
        (long) totals[k + 1],
        totals[k + 2],
        totals[k + 3],
        totals[k + 4]);
  }

  /**
   * Adds item {@code item}'s squared error of the means (each prediction exactly as {@code MfModel}
   * makes it) into {@code sums[at]}, and its expected squared error under the factorized posterior,
   * Σ (r − r̂)² + Σ_f (x̄_f² s_y + ȳ_f² s_x + s_x s_y) + s_bu + s_bi, into {@code sums[at + 1]};
   * the variance terms are summed per factor from the user sums the item's solve already made (Σ
   * x̄_f², Σ s_x), so only the predictions cost O(k) per rating.
   */
  private static void errors(
      int item,
      int[] users,
      float[] values,
      int from,
      int to,
      float mu,
      FactorSide userSide,
      Posterior userPost,
      FactorSide itemSide,
      Posterior itemPost,
      VbRowSolver solver,
      double[] sums,
      int at) {
    int k = itemSide.k;
    // the users' factors as the item's solve gathered them: contiguous, and still in cache
    float[] x = solver.equations().tile();
    int stride = solver.equations().tileStride();
    float[] y = itemSide.factors;
    int io = item * k;
    float itemIntercept = itemSide.intercepts[item];
    double squared = 0;
    double userInterceptVariance = 0;
    int e = from;
    // eight predictions at a time: eight independent sums (enough to hide the add latency),
    // each in MfModel's order
    float[] dots = new float[8];
    for (; e + 8 <= to; e += 8) {
      eightDots(x, (e - from) * stride, stride, y, io, k, dots);
      for (int r = 0; r < 8; r++) {
        int user = users[e + r];
        double residual =
            (double) values[e + r] - (mu + userSide.intercepts[user] + itemIntercept + dots[r]);
        squared += residual * residual;
        userInterceptVariance += userPost.interceptVariances[user];
      }
    }
    for (; e < to; e++) {
      int user = users[e];
      int uo = (e - from) * stride;
      float dot = 0;
      for (int f = 0; f < k; f++) {
        dot += x[uo + f] * y[io + f];
      }
      double residual = (double) values[e] - (mu + userSide.intercepts[user] + itemIntercept + dot);
      squared += residual * residual;
      userInterceptVariance += userPost.interceptVariances[user];
    }
    double[] userSquares = solver.squareSum();
    double[] userVariances = solver.varianceSum();
    float[] sy = itemPost.packed;
    int so = itemPost.offset(item) + k;
    double spread = 0;
    for (int f = 0; f < k; f++) {
      double yf = y[io + f];
      double syf = sy[so + f];
      spread += syf * userSquares[f] + (yf * yf + syf) * userVariances[f];
    }
    sums[at] += squared;
    sums[at + 1] +=
        squared
            + spread
            + userInterceptVariance
            + (to - from) * (double) itemPost.interceptVariances[item];
  }

  /**
   * {@code dots[r]} = the dot product of y's row at {@code io} with the tile's vector at {@code at
   * + r·stride}, for r < 8, each summed over f in order.
   */
  private static void eightDots(
      float[] x, int at, int stride, float[] y, int io, int k, float[] dots) {
    int u0 = at;
    int u1 = at + stride;
    int u2 = at + 2 * stride;
    int u3 = at + 3 * stride;
    int u4 = at + 4 * stride;
    int u5 = at + 5 * stride;
    int u6 = at + 6 * stride;
    int u7 = at + 7 * stride;
    float d0 = 0;
    float d1 = 0;
    float d2 = 0;
    float d3 = 0;
    float d4 = 0;
    float d5 = 0;
    float d6 = 0;
    float d7 = 0;
    for (int f = 0; f < k; f++) {
      float yf = y[io + f];
      d0 += x[u0 + f] * yf;
      d1 += x[u1 + f] * yf;
      d2 += x[u2 + f] * yf;
      d3 += x[u3 + f] * yf;
      d4 += x[u4 + f] * yf;
      d5 += x[u5 + f] * yf;
      d6 += x[u6 + f] * yf;
      d7 += x[u7 + f] * yf;
    }
    dots[0] = d0;
    dots[1] = d1;
    dots[2] = d2;
    dots[3] = d3;
    dots[4] = d4;
    dots[5] = d5;
    dots[6] = d6;
    dots[7] = d7;
  }
}
