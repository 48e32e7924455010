package io.recopipe.model.als;

/**
 * The Gaussian prior one side's rows are drawn from in {@link TrainingMethod#GIBBS}, over the d = k
 * + 1 vector (factors, intercept): a mean and a full precision matrix, so that both the
 * Normal–Wishart and the per-dimension Gamma hyperpriors can hand their draw to the row sampler.
 *
 * @param mean the prior mean, length d
 * @param precision the prior precision Λ, d×d row-major and symmetric
 */
record RowPrior(double[] mean, double[] precision) {

  /** A zero-mean prior with precision {@code lambda} on the factors and {@code lambdaB} on b. */
  static RowPrior isotropic(int k, double lambda, double lambdaB) {
    int d = k + 1;
    double[] precision = new double[d * d];
    for (int f = 0; f < k; f++) {
      precision[f * d + f] = lambda;
    }
    precision[k * d + k] = lambdaB;
    return new RowPrior(new double[d], precision);
  }

  /** Λμ, the prior's contribution to a row's right-hand side. */
  double[] precisionTimesMean() {
    int d = mean.length;
    double[] out = new double[d];
    for (int i = 0; i < d; i++) {
      double sum = 0;
      for (int j = 0; j < d; j++) {
        sum += precision[i * d + j] * mean[j];
      }
      out[i] = sum;
    }
    return out;
  }
}
