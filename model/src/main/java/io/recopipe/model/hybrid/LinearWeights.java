package io.recopipe.model.hybrid;

/**
 * A fitted linear model, {@code intercept + Σ weights[j]·x[j]} in the original (unstandardized)
 * feature units, so prediction needs no scaling state.
 *
 * @param intercept the bias
 * @param weights one weight per feature; read-only by contract
 */
public record LinearWeights(double intercept, double[] weights) {
  /** The prediction for features {@code x}. */
  public double predict(double[] x) {
    double sum = intercept;
    for (int j = 0; j < weights.length; j++) {
      sum += weights[j] * x[j];
    }
    return sum;
  }
}
