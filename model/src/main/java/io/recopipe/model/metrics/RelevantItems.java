package io.recopipe.model.metrics;

import java.util.Arrays;
import java.util.Objects;

/** Shared checks and look-ups on the per-user inputs of the ranking metrics. */
final class RelevantItems {
  private RelevantItems() {}

  /** Returns whether {@code item} is in {@code relevant} (strictly ascending). */
  static boolean contains(int[] relevant, int item) {
    return Arrays.binarySearch(relevant, item) >= 0;
  }

  /** Returns how many of the first {@code k} ranked items are relevant. */
  static int hitsAt(int[] ranking, int[] relevant, int k) {
    int depth = Math.min(k, ranking.length);
    int hits = 0;
    for (int p = 0; p < depth; p++) {
      hits += contains(relevant, ranking[p]) ? 1 : 0;
    }
    return hits;
  }

  /**
   * Checks one user's inputs.
   *
   * @throws IllegalArgumentException when {@code relevant} is empty or not strictly ascending
   */
  static void check(int[] ranking, int[] relevant) {
    Objects.requireNonNull(ranking, "ranking");
    Objects.requireNonNull(relevant, "relevant");
    if (relevant.length == 0) {
      throw new IllegalArgumentException("a user with no relevant item has no ranking score");
    }
    for (int n = 1; n < relevant.length; n++) {
      if (relevant[n - 1] >= relevant[n]) {
        throw new IllegalArgumentException(
            "relevant items must be strictly ascending, found "
                + relevant[n - 1]
                + " before "
                + relevant[n]);
      }
    }
  }

  /** Checks a cutoff. */
  static int checkCutoff(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("cutoff k must be >= 1, was " + k);
    }
    return k;
  }

  /** Returns the log2 discount of 0-based position {@code p}: 1 / log2(p + 2). */
  static double discount(int p) {
    return Math.log(2) / Math.log(p + 2.0);
  }
}
