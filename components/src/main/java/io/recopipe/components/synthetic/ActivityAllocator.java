package io.recopipe.components.synthetic;

import io.recopipe.model.error.InvalidInputException;
import java.util.Arrays;

/**
 * Turns activity weights into integer rating counts per user that sum exactly to the requested
 * total, each within [min, max]: water-filling for the cap, then largest-remainder rounding, so
 * presets hit MovieLens's exact rating counts.
 */
final class ActivityAllocator {
  private ActivityAllocator() {}

  static int[] allocate(double[] weights, long total, int min, int max) {
    int n = weights.length;
    if (total < (long) min * n || total > (long) max * n) {
      throw new InvalidInputException(
          "cannot give " + n + " users " + total + " ratings with " + min + ".." + max + " each");
    }
    int[] counts = new int[n];
    boolean[] capped = new boolean[n];
    double[] share = new double[n];
    long remaining = total - (long) min * n;
    boolean cappedMore = true;
    while (cappedMore) {
      cappedMore = false;
      double sum = 0;
      for (int u = 0; u < n; u++) {
        sum += capped[u] ? 0 : weights[u];
      }
      for (int u = 0; u < n && sum > 0; u++) {
        if (!capped[u]) {
          share[u] = remaining * (weights[u] / sum);
          if (min + share[u] >= max) {
            capped[u] = true;
            remaining -= max - min;
            cappedMore = true;
          }
        }
      }
    }
    long assigned = 0;
    for (int u = 0; u < n; u++) {
      int extra = capped[u] ? max - min : (int) Math.floor(share[u]);
      counts[u] = min + extra;
      assigned += extra;
    }
    settle(counts, share, capped, total - (long) min * n - assigned, min, max);
    return counts;
  }

  /** Hands out (or takes back) the rounding remainder by largest (smallest) fractional part. */
  private static void settle(
      int[] counts, double[] share, boolean[] capped, long leftover, int min, int max) {
    int n = counts.length;
    long[] order = new long[n];
    for (int u = 0; u < n; u++) {
      double fraction = capped[u] ? 0 : share[u] - Math.floor(share[u]);
      order[u] = ((long) (fraction * (1 << 30)) << 32) | (n - 1 - u);
    }
    Arrays.sort(order);
    for (int step = 0; leftover != 0; step++) {
      int position = leftover > 0 ? n - 1 - step % n : step % n;
      int u = n - 1 - (int) order[position];
      if (leftover > 0 && counts[u] < max) {
        counts[u]++;
        leftover--;
      } else if (leftover < 0 && counts[u] > min) {
        counts[u]--;
        leftover++;
      }
    }
  }
}
