package io.recopipe.model.scoring;

import io.recopipe.model.mf.MfModel;

/**
 * Answers "top K items for this user" from a model, optionally leaving out what the user rated.
 * Unknown users follow ML.RECOMMEND's rule (global + item intercept, i.e. the most liked items).
 * Not thread-safe: it owns scratch buffers; use one per thread.
 */
public final class Recommender {
  /** Group counts are a multiple of this, a whole number of vectors of the widest lanes. */
  private static final int GROUP_ALIGN = 16;

  private static final int[] NO_ITEMS = new int[0];
  private final ItemScorer scorer;
  private final RatedItems rated;
  private final float[] scores;
  private final float[] scratch;
  private final ScreenedTopK screened;
  private float[] blockMaxima = new float[0];
  private long[] candidates = new long[0];

  /** Creates a recommender over a shared scorer and rated-item lists. */
  public Recommender(ItemScorer scorer, RatedItems rated) {
    this.scorer = scorer;
    this.rated = rated;
    int items = scorer.model().items().size();
    this.scores = new float[items];
    this.scratch = new float[items];
    QuantizedItems quantized = scorer.quantized();
    this.screened = quantized == null ? null : new ScreenedTopK(scorer.model(), quantized);
  }

  /** The scorer this recommender uses. */
  public ItemScorer scorer() {
    return scorer;
  }

  /** Convenience: a recommender for {@code model} with no exclusions. */
  public static Recommender of(MfModel model) {
    return new Recommender(new ItemScorer(model), RatedItems.none());
  }

  /** Returns the top {@code k} items for {@code user}, excluding rated items when asked. */
  public Recommendation recommend(String user, int k, boolean excludeRated) {
    MfModel model = scorer.model();
    int u = model.users().indexOf(user);
    int[] items = new int[k];
    float[] ratings = new float[k];
    int n = topItems(u, k, excludeRated, items, ratings);
    String[] ids = new String[n];
    for (int r = 0; r < n; r++) {
      ids[r] = model.items().id(items[r]);
    }
    return new Recommendation(
        user,
        u < 0,
        java.util.List.of(ids),
        n == k ? ratings : java.util.Arrays.copyOf(ratings, n));
  }

  /**
   * Writes user index {@code u}'s top {@code k} item indexes (excluding rated items when asked; -1
   * is an unknown user) best first into {@code items} and their scores into {@code ratings} (both
   * of length at least k) and returns how many there are: {@link #recommend} without the ids, for
   * callers that write item indexes out themselves.
   */
  public int topItems(int u, int k, boolean excludeRated, int[] items, float[] ratings) {
    TopK top = new TopK(k);
    topInto(u, excludeRated, top);
    return top.drainBestFirst(items, ratings);
  }

  /**
   * Offers user index {@code u}'s item scores (without its rated items if asked) to {@code top}.
   */
  void topInto(int u, boolean excludeRated, TopK top) {
    if (screened != null
        && u >= 0
        && screened.topInto(u, excludeRated ? rated.itemsOf(u) : NO_ITEMS, top, scores)) {
      return; // the same items and scores, having scored only those that could make the list
    }
    scorer.scoreAll(u, scores, scratch);
    topOf(u, scores, excludeRated, top);
  }

  /**
   * Offers user index {@code u}'s precomputed item {@code scores} (rated items overwritten with NaN
   * if excluded) to {@code top}.
   */
  void topOf(int u, float[] scores, boolean excludeRated, TopK top) {
    if (excludeRated) {
      // NaN never enters a TopK and fails every comparison below
      for (int item : rated.itemsOf(u)) {
        scores[item] = Float.NaN;
      }
    }
    int count = scorer.model().items().size();
    float floor = lowerBound(scores, count, top.capacity());
    if (top.size() == 0) {
      // the few items at or above the bound, sorted once: cheaper than a heap update for each
      if (candidates.length < count) {
        candidates = new long[count];
      }
      int n = 0;
      for (int i = 0; i < count; i++) {
        float score = scores[i];
        if (score >= floor) { // never NaN
          candidates[n++] = TopK.key(score, i);
        }
      }
      top.takeBest(candidates, n, scores);
      return;
    }
    for (int i = 0; i < count; i++) {
      // most items fall below the bound (or the current k-th best): one compare, no heap call
      if (scores[i] >= floor) {
        top.offer(i, scores[i]);
        floor = Math.max(floor, top.threshold());
      }
    }
  }

  /**
   * A score the k-th best item is sure to reach: the k-th largest of the maxima of at least 2k
   * disjoint groups of items (k distinct items score at least that much), so that only a few more
   * than k items are candidates. Negative infinity when there are too few items to bother.
   */
  private float lowerBound(float[] scores, int count, int k) {
    if (count < 4 * k) {
      return Float.NEGATIVE_INFINITY;
    }
    int groups = (2 * k + GROUP_ALIGN - 1) / GROUP_ALIGN * GROUP_ALIGN;
    if (blockMaxima.length < groups) {
      blockMaxima = new float[groups];
    }
    groupMaxima(scores, count, blockMaxima, groups);
    return select(blockMaxima, groups, groups - k);
  }

  /**
   * The largest score of each of {@code groups} groups, item i in group i mod {@code groups}
   * (strided, so that a vector of consecutive items spans as many groups), NaN never a maximum and
   * an empty group's maximum negative infinity.
   */
  static void groupMaxima(float[] scores, int count, float[] maxima, int groups) {
    if (ItemScorer.VECTOR_API && groups % VectorItemScorer.lanes() == 0) {
      VectorItemScorer.groupMaxima(scores, count, maxima, groups);
      return;
    }
    java.util.Arrays.fill(maxima, 0, groups, Float.NEGATIVE_INFINITY);
    for (int i = 0, g = 0; i < count; i++, g = g + 1 == groups ? 0 : g + 1) {
      float score = scores[i];
      if (score > maxima[g]) {
        maxima[g] = score;
      }
    }
  }

  /**
   * The value that sorting {@code values[0..count)} ascending would put at {@code rank} (Hoare's
   * selection, reordering the array): the same bound as a sort at a fraction of its cost, which per
   * request rivalled scoring the items.
   */
  static float select(float[] values, int count, int rank) {
    int lo = 0;
    int hi = count - 1;
    while (lo < hi) {
      float pivot = values[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          float swap = values[i];
          values[i++] = values[j];
          values[j--] = swap;
        }
      }
      if (rank <= j) {
        hi = j;
      } else if (rank >= i) {
        lo = i;
      } else {
        return values[rank];
      }
    }
    return values[rank];
  }
}
