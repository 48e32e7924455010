package io.recopipe.components.tuning;

import java.util.Optional;

/**
 * The ranges a tuning run searches, BigQuery ML's three for matrix factorization: a linear {@code
 * num_factors}, a log-scale {@code l2_reg} and, for implicit feedback only, a linear {@code
 * wals_alpha}; explicit runs keep the base {@code wals_alpha} fixed.
 *
 * @param numFactors the {@code num_factors} range (whole numbers)
 * @param l2Reg the {@code l2_reg} range (log scale)
 * @param walsAlpha the {@code wals_alpha} range, present only for implicit feedback
 * @param fixedWalsAlpha the {@code wals_alpha} every point carries when it is not searched
 */
public record SearchSpace(
    ParamRange numFactors,
    ParamRange l2Reg,
    Optional<ParamRange> walsAlpha,
    double fixedWalsAlpha) {

  /** How many hyperparameters vary: 2, or 3 with {@code wals_alpha}. */
  int dimensions() {
    return walsAlpha.isPresent() ? 3 : 2;
  }

  /**
   * The point at fractions {@code a}, {@code b}, {@code c} (each 0..1) of the way along the {@code
   * num_factors}, {@code l2_reg} and {@code wals_alpha} ranges, on each range's scale; {@code
   * num_factors} is rounded to the nearest whole number.
   */
  Hyperparameters at(double a, double b, double c) {
    int factors = (int) Math.round(numFactors.at(a));
    double alpha = walsAlpha.map(range -> range.at(c)).orElse(fixedWalsAlpha);
    return new Hyperparameters(factors, l2Reg.at(b), alpha);
  }
}
