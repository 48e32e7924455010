package io.recopipe.components.dataset;

import io.recopipe.model.data.Ratings;
import java.util.Arrays;
import java.util.Optional;

/**
 * How often each distinct rating value occurs, counted in one pass over the rating column with an
 * open-addressing table of float bits (no boxing, so 20 million ratings take a fraction of a
 * second); the rating histogram and the rating grid both start from it. Values are ordered as
 * {@link Float#compare} orders them, as a sorted map of floats would.
 */
public final class RatingCounts {
  private static final int HALVES = 512;
  private static final int NEGATIVE_ZERO = Float.floatToRawIntBits(-0f);
  private int[] keys = new int[64];
  private long[] counts = new long[64];
  private boolean[] used = new boolean[64];
  private int distinct;

  private RatingCounts() {}

  /** The counts of every rating in {@code ratings}. */
  public static RatingCounts of(Ratings ratings) {
    return count(ratings, Integer.MAX_VALUE);
  }

  /**
   * The distinct ratings of {@code ratings}, ascending, or empty as soon as there are more than
   * {@code limit} of them (continuous data is not counted to the end).
   */
  public static Optional<float[]> distinct(Ratings ratings, int limit) {
    RatingCounts counts = count(ratings, limit);
    return counts.distinct > limit ? Optional.empty() : Optional.of(counts.values());
  }

  /**
   * Counts in one pass; the usual values (whole and half steps in 0..{@value #HALVES}/2) go to a
   * plain array indexed by twice the value, the rest to the hash table, merged at the end.
   */
  private static RatingCounts count(Ratings ratings, int limit) {
    RatingCounts counts = new RatingCounts();
    long[] halves = new long[HALVES];
    int lastBits = 0;
    int lastSlot = -1;
    for (int n = 0; n < ratings.size() && counts.distinct <= limit; n++) {
      float rating = ratings.rating(n);
      float twice = rating * 2;
      int half = (int) twice;
      if (half == twice
          && half >= 0
          && half < HALVES
          && Float.floatToRawIntBits(rating) != NEGATIVE_ZERO) {
        halves[half]++;
        continue;
      }
      int bits = Float.floatToIntBits(rating);
      if (lastSlot < 0 || bits != lastBits) {
        lastSlot = counts.slot(bits);
        lastBits = bits;
      }
      counts.counts[lastSlot]++;
    }
    for (int half = 0; half < HALVES; half++) {
      if (halves[half] > 0) {
        counts.counts[counts.slot(Float.floatToIntBits(half / 2f))] += halves[half];
      }
    }
    return counts;
  }

  /** The distinct values, ascending. */
  public float[] values() {
    float[] values = new float[distinct];
    int n = 0;
    for (int slot = 0; slot < keys.length; slot++) {
      if (used[slot]) {
        values[n++] = Float.intBitsToFloat(keys[slot]);
      }
    }
    Arrays.sort(values); // orders as Float.compare: -0.0 before 0.0
    return values;
  }

  /** How many ratings equal {@code value} (bit for bit). */
  public long count(float value) {
    int slot = find(Float.floatToIntBits(value));
    return used[slot] ? counts[slot] : 0;
  }

  /** The slot of {@code bits}, added (and the table grown) when new. */
  private int slot(int bits) {
    int slot = find(bits);
    if (used[slot]) {
      return slot;
    }
    if (2 * (distinct + 1) > keys.length) {
      grow();
      slot = find(bits);
    }
    used[slot] = true;
    keys[slot] = bits;
    distinct++;
    return slot;
  }

  private int find(int bits) {
    int mask = keys.length - 1;
    int hash = bits * 0x9E3779B9;
    int slot = (hash ^ hash >>> 16) & mask;
    while (used[slot] && keys[slot] != bits) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    int[] oldKeys = keys;
    long[] oldCounts = counts;
    boolean[] oldUsed = used;
    keys = new int[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    for (int slot = 0; slot < oldKeys.length; slot++) {
      if (oldUsed[slot]) {
        int to = find(oldKeys[slot]);
        used[to] = true;
        keys[to] = oldKeys[slot];
        counts[to] = oldCounts[slot];
      }
    }
  }
}
