package io.recopipe.components.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws a user's distinct items with probability proportional to popularity, without replacement,
 * so the data has no duplicate pairs by construction: alias draws with rejection of repeats,
 * switching to exponential keys (Efraimidis–Spirakis) for the rest when a heavy user has exhausted
 * most of the popular mass and rejections pile up. Both give the same distribution.
 */
final class ItemSampler {
  private final AliasTable table;
  private final double[] weights;

  ItemSampler(double[] weights) {
    this.weights = weights.clone();
    this.table = new AliasTable(weights);
  }

  /**
   * Writes {@code count} distinct items to {@code out[offset ..]} in draw order.
   *
   * @param marks scratch of one int per item, owned by the calling thread
   * @param stamp a value unique to this call among those made with {@code marks}, never 0
   */
  void sample(SplittableRandom random, int count, int[] out, int offset, int[] marks, int stamp) {
    int filled = 0;
    long budget = 3L * count + 64;
    while (filled < count && budget-- > 0) {
      int item = table.sample(random);
      if (marks[item] != stamp) {
        marks[item] = stamp;
        out[offset + filled++] = item;
      }
    }
    if (filled < count) {
      fillByKeys(random, count - filled, out, offset + filled, marks, stamp);
    }
  }

  private void fillByKeys(
      SplittableRandom random, int needed, int[] out, int offset, int[] marks, int stamp) {
    long[] keyed = new long[weights.length];
    int candidates = 0;
    for (int item = 0; item < weights.length; item++) {
      if (marks[item] != stamp) {
        double key = -Math.log(1 - random.nextDouble()) / weights[item];
        keyed[candidates++] = ((long) Float.floatToIntBits((float) key) << 32) | item;
      }
    }
    Arrays.sort(keyed, 0, candidates);
    for (int n = 0; n < needed; n++) {
      int item = (int) keyed[n];
      marks[item] = stamp;
      out[offset + n] = item;
    }
  }
}
