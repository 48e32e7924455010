package io.recopipe.model.metrics;

/**
 * scikit-learn's {@code 1 − numerator/denominator} with its {@code force_finite} convention, shared
 * by {@code r2_score} and {@code explained_variance} so both treat constant actuals the same way.
 */
final class VarianceRatio {
  private VarianceRatio() {}

  /**
   * Returns {@code 1 − numerator/denominator}; when the denominator is 0 (constant actuals) returns
   * 1.0 if the numerator is 0 too (nothing left unexplained) and 0.0 otherwise, as scikit-learn
   * does instead of returning NaN or −∞.
   */
  static double oneMinus(double numerator, double denominator) {
    if (denominator == 0) {
      return numerator == 0 ? 1.0 : 0.0;
    }
    return 1.0 - numerator / denominator;
  }
}
