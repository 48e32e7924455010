package io.recopipe.model.als;

import io.recopipe.model.error.OperationFailedException;
import java.util.SplittableRandom;

/**
 * Draws one row's factors and intercept from their Gaussian full conditional in {@link
 * TrainingMethod#GIBBS} (Salakhutdinov &amp; Mnih 2008): with the other side fixed and noise
 * precision α, the row's precision is {@code α(A + Λ/α)} with A = Σ ỹỹᵀ ALS's normal matrix and Λ
 * the prior's, so the ALS assembly is reused and a draw costs one Cholesky factor and two
 * triangular solves: mean = (A + Λ/α)⁻¹(b + Λμ/α), plus U⁻¹z/√α for z standard normal.
 */
final class GibbsRowSampler {
  private final int k;
  private final NormalEquations equations;
  private final double[] noise;

  GibbsRowSampler(int k) {
    this.k = k;
    this.equations = new NormalEquations(k);
    this.noise = new double[k + 1];
  }

  /**
   * Draws row {@code row} into {@code target}; {@code priorShift} is Λμ. Adds the drawn vector x̃
   * (rounded to float, as stored) into {@code sums[0, d)}, its outer product x̃x̃ᵀ (row-major) into
   * {@code sums[d, d + d²)} and 1 into {@code sums[d + d²]} when the row has ratings; a row without
   * ratings is set to zero, the cold-start prediction, and adds nothing.
   */
  void sample(
      int row,
      int[] columns,
      float[] values,
      int from,
      int to,
      float mu,
      FactorSide fixed,
      FactorSide target,
      RowPrior prior,
      double[] priorShift,
      double noisePrecision,
      SplittableRandom random,
      double[] sums,
      FactorSide means) {
    int out = row * k;
    if (to == from) {
      java.util.Arrays.fill(target.factors, out, out + k, 0f);
      target.intercepts[row] = 0f;
      if (means != null) {
        java.util.Arrays.fill(means.factors, out, out + k, 0f);
        means.intercepts[row] = 0f;
      }
      return;
    }
    equations.assemble(columns, values, from, to, mu, fixed);
    double[] vector = equations.solution();
    int d = equations.size();
    double[] precision = prior.precision();
    double scale = 1 / noisePrecision;
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        equations.addToMatrix(i, j, precision[i * d + j] * scale);
      }
      vector[i] += priorShift[i] * scale;
    }
    if (!equations.solve()) {
      throw new OperationFailedException(
          "Gibbs conditional is not positive definite for row "
              + row
              + " ("
              + (to - from)
              + " ratings)");
    }
    if (means != null) {
      for (int f = 0; f < k; f++) {
        means.factors[out + f] = (float) vector[f];
      }
      means.intercepts[row] = (float) vector[k];
    }
    for (int i = 0; i < d; i++) {
      noise[i] = RandomStreams.gaussian(random);
    }
    equations.sampleInPlace(noise);
    double spread = Math.sqrt(scale);
    for (int i = 0; i < d; i++) {
      double x = (float) (vector[i] + noise[i] * spread);
      vector[i] = x;
      sums[i] += x;
    }
    int outer = d;
    for (int i = 0; i < d; i++) {
      double xi = vector[i];
      for (int j = 0; j < d; j++) {
        sums[outer + i * d + j] += xi * vector[j];
      }
    }
    sums[d + d * d] += 1;
    for (int f = 0; f < k; f++) {
      target.factors[out + f] = (float) vector[f];
    }
    target.intercepts[row] = (float) vector[k];
  }
}
