package io.recopipe.model.scoring;

import io.recopipe.model.error.InvalidInputException;

/**
 * Keeps the k highest-scoring items seen so far in a primitive min-heap, so that choosing the top
 * 50 of thousands of items costs O(n log k) with no boxing. Ties go to the lower item index, which
 * makes every ranking deterministic.
 */
public final class TopK {
  private final int capacity;
  private final int[] items;
  private final float[] scores;
  private int size;

  /** Creates a selector for the top {@code k} (k ≥ 1). */
  public TopK(int k) {
    if (k < 1) {
      throw new InvalidInputException("k must be >= 1, was " + k);
    }
    this.capacity = k;
    this.items = new int[k];
    this.scores = new float[k];
  }

  /** Empties the selector for reuse. */
  public void clear() {
    size = 0;
  }

  /** Offers one item. NaN scores are ignored. */
  public void offer(int item, float score) {
    if (size < capacity) {
      if (Float.isNaN(score)) {
        return;
      }
      items[size] = item;
      scores[size] = score;
      siftUp(size++);
    } else if (better(score, item, scores[0], items[0])) {
      items[0] = item;
      scores[0] = score;
      siftDown(0);
    }
  }

  /** Whether (s1, i1) ranks above (s2, i2): higher score, then lower index. */
  private static boolean better(float s1, int i1, float s2, int i2) {
    return s1 > s2 || (s1 == s2 && i1 < i2);
  }

  private void siftUp(int n) {
    while (n > 0) {
      int parent = (n - 1) >>> 1;
      if (!better(scores[parent], items[parent], scores[n], items[n])) {
        break;
      }
      swap(n, parent);
      n = parent;
    }
  }

  private void siftDown(int n) {
    while (true) {
      int left = 2 * n + 1;
      if (left >= size) {
        return;
      }
      int worst = left;
      int right = left + 1;
      if (right < size && better(scores[left], items[left], scores[right], items[right])) {
        worst = right;
      }
      if (!better(scores[n], items[n], scores[worst], items[worst])) {
        return;
      }
      swap(n, worst);
      n = worst;
    }
  }

  private void swap(int a, int b) {
    int item = items[a];
    items[a] = items[b];
    items[b] = item;
    float score = scores[a];
    scores[a] = scores[b];
    scores[b] = score;
  }

  /**
   * The sort key of {@code item} scoring {@code score} (not NaN): keys order as this selector
   * ranks, higher score then lower index, with -0 and +0 equal as the float comparisons see them.
   */
  static long key(float score, int item) {
    int bits = Float.floatToRawIntBits(score + 0f); // -0 + 0 is +0
    int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
    return ((long) ordered << 32) | (Integer.MAX_VALUE - item);
  }

  /**
   * Makes this (empty) selector hold the best k of the items whose {@link #key keys} are {@code
   * keys[0..count)} (reordered), with their {@code scores}: one sort of a short candidate list
   * instead of a heap update per candidate.
   */
  void takeBest(long[] keys, int count, float[] scores) {
    if (size != 0) {
      throw new IllegalStateException("takeBest needs an empty selector");
    }
    java.util.Arrays.sort(keys, 0, count);
    int from = Math.max(0, count - capacity);
    // ascending order, worst first, is a valid min-heap
    for (int n = from; n < count; n++) {
      int item = Integer.MAX_VALUE - (int) keys[n];
      items[size] = item;
      this.scores[size++] = scores[item];
    }
  }

  /**
   * The score an item must reach to have a chance of entering: negative infinity while fewer than k
   * are held, else the worst held score (an equal score enters only with a lower index).
   */
  public float threshold() {
    return size < capacity ? Float.NEGATIVE_INFINITY : scores[0];
  }

  /** The k this selector keeps. */
  public int capacity() {
    return capacity;
  }

  /** How many items are held (at most k). */
  public int size() {
    return size;
  }

  /**
   * Writes the held items best-first into {@code outItems}/{@code outScores} and returns how many;
   * the selector is left empty.
   */
  public int drainBestFirst(int[] outItems, float[] outScores) {
    int count = size;
    for (int n = count - 1; n >= 0; n--) {
      outItems[n] = items[0];
      outScores[n] = scores[0];
      size--;
      items[0] = items[size];
      scores[0] = scores[size];
      siftDown(0);
    }
    return count;
  }
}
