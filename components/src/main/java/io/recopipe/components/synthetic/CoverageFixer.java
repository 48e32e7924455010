package io.recopipe.components.synthetic;

import java.util.SplittableRandom;

/**
 * Makes sure every item has at least one rating, as in MovieLens (whose item counts are counts of
 * rated movies): each unrated item replaces the most popular item of a random user, keeping every
 * user's count and the total exact. Runs sequentially, after sampling, so it stays deterministic.
 */
final class CoverageFixer {
  private static final int ATTEMPTS_PER_ITEM = 1000;

  private CoverageFixer() {}

  /** Rewrites {@code itemOf} in place; returns how many items it brought in. */
  static int fix(int[] itemOf, int[] offsets, int items, SplittableRandom random) {
    int users = offsets.length - 1;
    int total = offsets[users];
    if (total < items) {
      return 0; // too few ratings to cover every item
    }
    int[] counts = new int[items];
    for (int n = 0; n < total; n++) {
      counts[itemOf[n]]++;
    }
    int fixed = 0;
    for (int item = 0; item < items; item++) {
      for (int attempt = 0; counts[item] == 0 && attempt < ATTEMPTS_PER_ITEM; attempt++) {
        int user = random.nextInt(users);
        int best = -1;
        for (int n = offsets[user]; n < offsets[user + 1]; n++) {
          if (counts[itemOf[n]] > 1 && (best < 0 || counts[itemOf[n]] > counts[itemOf[best]])) {
            best = n;
          }
        }
        if (best >= 0) {
          counts[itemOf[best]]--;
          itemOf[best] = item;
          counts[item] = 1;
          fixed++;
        }
      }
    }
    return fixed;
  }
}
