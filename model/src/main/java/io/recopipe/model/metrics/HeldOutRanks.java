package io.recopipe.model.metrics;

import java.util.Arrays;

/**
 * The 0-based positions of a user's held-out items in the full ranking of the candidates, found
 * without sorting all candidates: O(N log R) for N candidates and R held-out items, so {@code
 * average_rank} (Hu, Koren &amp; Volinsky 2008) stays as cheap as scoring the user. The order is
 * {@link io.recopipe.model.scoring.TopK}'s: higher score first, ties to the lower index.
 */
final class HeldOutRanks {
  private HeldOutRanks() {}

  /**
   * Returns the percentile rank pos / (N − 1) of each held-out item (0 when N = 1), in the order of
   * {@code heldOut}; candidates are the items with {@code excluded[i]} false.
   */
  static double[] percentiles(float[] scores, boolean[] excluded, int itemCount, int[] heldOut) {
    int r = heldOut.length;
    Integer[] order = new Integer[r];
    for (int n = 0; n < r; n++) {
      order[n] = n;
    }
    Arrays.sort(order, (a, b) -> before(scores, heldOut[a], heldOut[b]) ? -1 : 1);
    float[] sortedScores = new float[r];
    int[] sortedItems = new int[r];
    for (int n = 0; n < r; n++) {
      sortedItems[n] = heldOut[order[n]];
      sortedScores[n] = scores[sortedItems[n]];
    }
    // startsAt[m]: candidates j whose first held-out item ranked after or at j is the m-th
    long[] startsAt = new long[r + 1];
    int candidates = 0;
    for (int j = 0; j < itemCount; j++) {
      if (excluded[j]) {
        continue;
      }
      candidates++;
      // held-out items ranked after j are a suffix of the best-first order: find where it starts
      int low = 0;
      int high = r;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (before(scores, sortedItems[mid], j)) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      startsAt[low]++;
    }
    double[] result = new double[r];
    long above = 0;
    for (int n = 0; n < r; n++) {
      above += startsAt[n];
      // above counts the candidates up to and including the n-th held-out item itself
      result[order[n]] = candidates <= 1 ? 0.0 : (double) (above - 1) / (candidates - 1);
    }
    return result;
  }

  /** Whether item {@code a} ranks before item {@code b}. */
  private static boolean before(float[] scores, int a, int b) {
    return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
  }
}
