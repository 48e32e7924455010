package io.recopipe.components.synthetic;

/**
 * A Zipf-like weight by rank, {@code (x + offset)^-exponent · exp(-x / cutoff)} with {@code x =
 * (rank + ½) / n}: a power-law head (a few blockbusters, a few heavy raters) with the
 * faster-falling tail MovieLens shows; expressed in relative rank so it fits every size.
 *
 * @param offset flattens the very top of the head
 * @param exponent the power-law exponent
 * @param cutoff the relative rank where the exponential tail takes over
 */
record PowerLawCurve(double offset, double exponent, double cutoff) {
  /** Item popularity: the top 10% of items hold about half of the ratings. */
  static final PowerLawCurve ITEM_POPULARITY = new PowerLawCurve(0.02, 0.7, 0.25);

  /** User activity above the 20-rating floor: the top 10% of users give about a third. */
  static final PowerLawCurve USER_ACTIVITY = new PowerLawCurve(0.05, 0.5, 0.3);

  /** The weight of the element of 0-based {@code rank} among {@code n}. */
  double weight(int rank, int n) {
    double x = (rank + 0.5) / n;
    return Math.pow(x + offset, -exponent) * Math.exp(-x / cutoff);
  }

  /** Weights for elements whose ranks are {@code rankOf[element]}. */
  double[] weights(int[] rankOf) {
    double[] weights = new double[rankOf.length];
    for (int n = 0; n < rankOf.length; n++) {
      weights[n] = weight(rankOf[n], rankOf.length);
    }
    return weights;
  }

  /**
   * Weights less the weight of the last rank, so the last element gets nothing above a floor (the
   * least active user rates exactly 20 movies, as in MovieLens).
   */
  double[] weightsAboveLast(int[] rankOf) {
    double last = weight(rankOf.length - 1, rankOf.length);
    double[] weights = weights(rankOf);
    for (int n = 0; n < weights.length; n++) {
      weights[n] -= last;
    }
    return weights;
  }
}
