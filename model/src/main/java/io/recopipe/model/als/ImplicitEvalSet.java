package io.recopipe.model.als;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;

/**
 * The eval split's positives translated once into the training dictionaries, so implicit ALS's
 * {@code eval_loss}, the mean of (1 − xᵀy)² over held-out positives (the same quantity as the
 * implicit ML.EVALUATE's {@code mean_squared_error}), costs one pass per iteration; a pair whose
 * user or item is unknown predicts 0, as ML.RECOMMEND's cold-start rule gives with zero intercepts.
 */
final class ImplicitEvalSet {
  private final int[] users;
  private final int[] items;

  ImplicitEvalSet(
      Ratings eval, IdDictionary trainUsers, IdDictionary trainItems, double threshold) {
    int kept = 0;
    for (int row = 0; row < eval.size(); row++) {
      kept += ConfidenceRows.isPositive(eval.rating(row), threshold) ? 1 : 0;
    }
    users = new int[kept];
    items = new int[kept];
    int n = 0;
    for (int row = 0; row < eval.size(); row++) {
      if (ConfidenceRows.isPositive(eval.rating(row), threshold)) {
        users[n] = trainUsers.indexOf(eval.users().id(eval.user(row)));
        items[n] = trainItems.indexOf(eval.items().id(eval.item(row)));
        n++;
      }
    }
  }

  /** Mean of (1 − xᵀy)² over the positives; NaN when there are none. */
  double meanSquaredError(FactorSide userSide, FactorSide itemSide) {
    if (users.length == 0) {
      return Double.NaN;
    }
    int k = userSide.k;
    double sum = 0;
    for (int n = 0; n < users.length; n++) {
      double score = 0;
      if (users[n] >= 0 && items[n] >= 0) {
        int uo = users[n] * k;
        int io = items[n] * k;
        for (int f = 0; f < k; f++) {
          score += userSide.factors[uo + f] * itemSide.factors[io + f];
        }
      }
      sum += (1 - score) * (1 - score);
    }
    return sum / users.length;
  }
}
