package io.recopipe.model.als;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;

/**
 * An evaluation set translated once into the training dictionaries, so that ML.TRAINING_INFO's
 * {@code eval_loss} costs one pass per iteration; unknown users or items are scored with
 * ML.RECOMMEND's cold-start rule (global intercept plus the known side's intercept).
 */
final class EvalSet {
  private static final int BLOCK_ROWS = 4096;

  private final int[] users;
  private final int[] items;
  private final float[] values;

  EvalSet(Ratings eval, IdDictionary trainUsers, IdDictionary trainItems) {
    int n = eval.size();
    users = new int[n];
    items = new int[n];
    values = new float[n];
    int[] userMap = translate(eval.users(), trainUsers);
    int[] itemMap = translate(eval.items(), trainItems);
    for (int row = 0; row < n; row++) {
      users[row] = userMap[eval.user(row)];
      items[row] = itemMap[eval.item(row)];
      values[row] = eval.rating(row);
    }
  }

  private static int[] translate(IdDictionary from, IdDictionary to) {
    int[] map = new int[from.size()];
    for (int index = 0; index < map.length; index++) {
      map[index] = to.indexOf(from.id(index));
    }
    return map;
  }

  int size() {
    return values.length;
  }

  /** Mean squared error of the current sides on this set. */
  double meanSquaredError(
      ParallelRows parallel, float mu, FactorSide userSide, FactorSide itemSide) {
    if (values.length == 0) {
      return Double.NaN;
    }
    int k = userSide.k;
    double[] sum =
        parallel.run(
            values.length,
            BLOCK_ROWS,
            1,
            () -> null,
            (from, to, none, out) -> {
              for (int row = from; row < to; row++) {
                int u = users[row];
                int i = items[row];
                float predicted;
                if (u >= 0 && i >= 0) {
                  float dot = 0;
                  int uo = u * k;
                  int io = i * k;
                  for (int f = 0; f < k; f++) {
                    dot += userSide.factors[uo + f] * itemSide.factors[io + f];
                  }
                  predicted = mu + userSide.intercepts[u] + itemSide.intercepts[i] + dot;
                } else {
                  predicted =
                      mu
                          + (u >= 0 ? userSide.intercepts[u] : 0f)
                          + (i >= 0 ? itemSide.intercepts[i] : 0f);
                }
                double residual = (double) values[row] - predicted;
                out[0] += residual * residual;
              }
            });
    return sum[0] / values.length;
  }
}
