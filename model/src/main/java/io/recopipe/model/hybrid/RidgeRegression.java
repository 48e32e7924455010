package io.recopipe.model.hybrid;

import io.recopipe.model.error.OperationFailedException;

/**
 * Ridge linear regression by its closed form, the equivalent of BigQuery ML's {@code linear_reg}
 * with {@code l2_reg}: rows are streamed into sufficient statistics (sums, XᵀX, Xᵀy, skipping zero
 * features, so one-hot blocks cost nothing), then the features are standardized, the intercept is
 * left unpenalized, and {@code (ZᵀZ + λI) β = Zᵀ(y − ȳ)} is solved by Cholesky.
 *
 * <p>Rows are added in a fixed order on one thread, so the fit is bit-identical run to run.
 */
public final class RidgeRegression {
  private final int d;
  private final double[] gram;
  private final double[] xy;
  private final double[] sums;
  private final int[] nonZero;
  private double sumY;
  private long n;

  /** Creates an empty accumulator for {@code dimension} features. */
  public RidgeRegression(int dimension) {
    this.d = dimension;
    this.gram = new double[dimension * dimension];
    this.xy = new double[dimension];
    this.sums = new double[dimension];
    this.nonZero = new int[dimension];
  }

  /** Adds one row: features {@code x} (length = dimension) and target {@code y}. */
  public void add(double[] x, double y) {
    int count = 0;
    for (int j = 0; j < d; j++) {
      if (x[j] != 0) {
        nonZero[count++] = j;
      }
    }
    for (int a = 0; a < count; a++) {
      int j = nonZero[a];
      double xj = x[j];
      sums[j] += xj;
      xy[j] += xj * y;
      int row = j * d;
      for (int b = a; b < count; b++) {
        int c = nonZero[b];
        gram[row + c] += xj * x[c];
      }
    }
    sumY += y;
    n++;
  }

  /** Rows added so far. */
  public long rows() {
    return n;
  }

  /**
   * Solves for the weights with penalty {@code l2} (> 0) on the standardized coefficients; a
   * constant feature gets weight 0.
   *
   * @throws IllegalStateException when no rows were added
   */
  public LinearWeights fit(double l2) {
    if (n == 0) {
      throw new OperationFailedException("ridge regression needs at least one row");
    }
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      mean[j] = sums[j] / n;
      double variance = gram[j * d + j] / n - mean[j] * mean[j];
      scale[j] = variance > 1e-12 ? Math.sqrt(variance) : 0.0;
    }
    double meanY = sumY / n;
    double[] a = new double[d * d];
    double[] beta = new double[d];
    for (int j = 0; j < d; j++) {
      if (scale[j] == 0) {
        a[j * d + j] = 1.0;
        continue;
      }
      for (int c = j; c < d; c++) {
        if (scale[c] != 0) {
          double centered = gram[j * d + c] - n * mean[j] * mean[c];
          a[j * d + c] = centered / (scale[j] * scale[c]);
        }
      }
      a[j * d + j] += l2;
      beta[j] = (xy[j] - n * mean[j] * meanY) / scale[j];
    }
    if (!io.recopipe.model.als.Cholesky.solveInPlace(a, beta, d)) {
      throw new OperationFailedException(
          "ridge normal equations are not positive definite; " + "increase l2_reg");
    }
    double[] weights = new double[d];
    double intercept = meanY;
    for (int j = 0; j < d; j++) {
      weights[j] = scale[j] == 0 ? 0.0 : beta[j] / scale[j];
      intercept -= weights[j] * mean[j];
    }
    return new LinearWeights(intercept, weights);
  }
}
