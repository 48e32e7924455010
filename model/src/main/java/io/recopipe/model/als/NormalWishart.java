package io.recopipe.model.als;

import io.recopipe.model.error.OperationFailedException;
import java.util.SplittableRandom;

/**
 * BPMF's hyperprior (Salakhutdinov &amp; Mnih 2008): the rows' Gaussian prior N(μ, Λ⁻¹) over
 * (factors, intercept) gets a conjugate Normal–Wishart prior with μ₀ = 0, β₀, ν₀ = d and W₀ = I, so
 * each sweep can draw (μ, Λ) exactly from its conditional given the rows; a full Λ lets the sampler
 * learn how strongly each dimension, and each pair, is shrunk.
 */
final class NormalWishart {
  private final int d;
  private final double beta0;

  NormalWishart(int k, double beta0) {
    this.d = k + 1;
    this.beta0 = beta0;
  }

  /** Draws (μ, Λ) given the rows' sums; a side without rated rows keeps {@code current}. */
  RowPrior sample(GibbsHalfStep.Sums sums, RowPrior current, SplittableRandom random) {
    long n = sums.rows();
    if (n == 0) {
      return current;
    }
    double[] sum = sums.sum();
    double[] outer = sums.outer();
    double shrink = beta0 * n / (beta0 + n);
    // W*⁻¹ = W₀⁻¹ + Σ (x − x̄)(x − x̄)ᵀ + β₀N/(β₀+N) x̄x̄ᵀ, with Σ (x − x̄)(x − x̄)ᵀ = Σxxᵀ − N
    // x̄x̄ᵀ.
    double[] scaleInverse = new double[d * d];
    for (int i = 0; i < d; i++) {
      double mi = sum[i] / n;
      for (int j = 0; j < d; j++) {
        double mj = sum[j] / n;
        scaleInverse[i * d + j] =
            outer[i * d + j] - n * mi * mj + shrink * mi * mj + (i == j ? 1.0 : 0.0);
      }
    }
    double nu = d + n;
    double[] precision = wishart(scaleInverse, nu, random);
    double betaN = beta0 + n;
    double[] mean = new double[d];
    double[] factor = new double[d * d];
    for (int i = 0; i < d * d; i++) {
      factor[i] = precision[i] * betaN;
    }
    double[] draw = new double[d];
    for (int i = 0; i < d; i++) {
      draw[i] = RandomStreams.gaussian(random);
    }
    if (!Cholesky.factorInPlace(factor, d)) {
      throw new OperationFailedException("Normal-Wishart precision draw is not positive definite");
    }
    Cholesky.solveUpper(factor, draw, d);
    for (int i = 0; i < d; i++) {
      mean[i] = sum[i] / betaN + draw[i];
    }
    return new RowPrior(mean, precision);
  }

  /**
   * Draws Λ ~ Wishart(W, ν) given W⁻¹ (Bartlett): with W⁻¹ = UᵀU and A lower triangular, A_ii² ~
   * χ²(ν − i), A_ij ~ N(0, 1) below the diagonal, Λ = (U⁻¹A)(U⁻¹A)ᵀ.
   */
  private double[] wishart(double[] scaleInverse, double nu, SplittableRandom random) {
    if (!Cholesky.factorInPlace(scaleInverse, d)) {
      throw new OperationFailedException("Normal-Wishart scale is not positive definite");
    }
    double[] m = new double[d * d];
    double[] column = new double[d];
    for (int j = 0; j < d; j++) {
      java.util.Arrays.fill(column, 0.0);
      column[j] = Math.sqrt(2 * RandomStreams.gamma(random, (nu - j) / 2));
      for (int i = j + 1; i < d; i++) {
        column[i] = RandomStreams.gaussian(random);
      }
      Cholesky.solveUpper(scaleInverse, column, d);
      for (int i = 0; i < d; i++) {
        m[i * d + j] = column[i];
      }
    }
    double[] precision = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int c = 0; c < d; c++) {
          s += m[i * d + c] * m[j * d + c];
        }
        precision[i * d + j] = s;
        precision[j * d + i] = s;
      }
    }
    return precision;
  }
}
