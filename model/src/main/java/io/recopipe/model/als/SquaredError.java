package io.recopipe.model.als;

/**
 * Sums one item's squared training error, predicted exactly as {@code MfModel} does, so that
 * samplers can measure their loss while the item's ratings are hot in cache.
 */
final class SquaredError {
  private SquaredError() {}

  /** Σ (r − r̂)² over item {@code item}'s ratings {@code [from, to)} (columns are users). */
  static double ofRow(
      int item,
      int[] users,
      float[] values,
      int from,
      int to,
      float mu,
      FactorSide userSide,
      FactorSide itemSide) {
    int k = itemSide.k;
    float[] x = userSide.factors;
    float[] y = itemSide.factors;
    int io = item * k;
    float itemIntercept = itemSide.intercepts[item];
    double sum = 0;
    for (int e = from; e < to; e++) {
      int user = users[e];
      int uo = user * k;
      float dot = 0;
      for (int f = 0; f < k; f++) {
        dot += x[uo + f] * y[io + f];
      }
      float predicted = mu + userSide.intercepts[user] + itemIntercept + dot;
      double residual = (double) values[e] - predicted;
      sum += residual * residual;
    }
    return sum;
  }
}
