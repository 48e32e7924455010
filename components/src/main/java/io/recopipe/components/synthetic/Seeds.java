package io.recopipe.components.synthetic;

import java.util.SplittableRandom;

/**
 * Derives an independent random stream per (seed, phase, index), so each user's draws depend only
 * on the seed and the user, never on which thread ran it or in what order.
 */
final class Seeds {
  static final int LAYOUT = 1;
  static final int SAMPLE = 2;
  static final int COVER = 3;
  static final int USER_TRUTH = 4;
  static final int ITEM_TRUTH = 5;
  static final int RATE = 6;
  static final int SPLIT = 7;

  private Seeds() {}

  static SplittableRandom stream(long seed, int phase, long index) {
    return new SplittableRandom(mix(mix(seed ^ (phase * 0x9E3779B97F4A7C15L)) + index));
  }

  /** The splitmix64 finaliser: a bijective 64-bit mix. */
  static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
  static int[] permutation(int n, SplittableRandom random) {
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
    return values;
  }
}
