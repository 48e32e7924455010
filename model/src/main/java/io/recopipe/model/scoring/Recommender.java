package io.recopipe.model.scoring;

import io.recopipe.model.mf.MfModel;

/**
 * Answers "top K items for this user" from a model, optionally leaving out what the user rated.
 * Unknown users follow ML.RECOMMEND's rule (global + item intercept, i.e. the most liked items).
 * Not thread-safe: it owns scratch buffers; use one per thread.
 */
public final class Recommender {
  private final ItemScorer scorer;
  private final RatedItems rated;
  private final float[] scores;
  private final float[] scratch;

  /** Creates a recommender over a shared scorer and rated-item lists. */
  public Recommender(ItemScorer scorer, RatedItems rated) {
    this.scorer = scorer;
    this.rated = rated;
    int items = scorer.model().items().size();
    this.scores = new float[items];
    this.scratch = new float[items];
  }

  /** Convenience: a recommender for {@code model} with no exclusions. */
  public static Recommender of(MfModel model) {
    return new Recommender(new ItemScorer(model), RatedItems.none());
  }

  /** Returns the top {@code k} items for {@code user}, excluding rated items when asked. */
  public Recommendation recommend(String user, int k, boolean excludeRated) {
    MfModel model = scorer.model();
    int u = model.users().indexOf(user);
    TopK top = new TopK(k);
    topInto(u, excludeRated, top);
    int[] items = new int[top.size()];
    float[] ratings = new float[top.size()];
    int n = top.drainBestFirst(items, ratings);
    java.util.List<String> ids = new java.util.ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      ids.add(model.items().id(items[r]));
    }
    return new Recommendation(user, u < 0, java.util.List.copyOf(ids), ratings);
  }

  /** Offers user index {@code u}'s item scores (without its rated items if asked) to {@code top}. */
  void topInto(int u, boolean excludeRated, TopK top) {
    scorer.scoreAll(u, scores, scratch);
    int[] skip = excludeRated ? rated.itemsOf(u) : new int[0];
    int next = 0;
    int count = scorer.model().items().size();
    float threshold = top.threshold();
    for (int i = 0; i < count; i++) {
      if (next < skip.length && skip[next] == i) {
        next++;
        continue;
      }
      // most items fall below the current k-th best: one compare instead of a heap call
      float score = scores[i];
      if (score >= threshold) {
        top.offer(i, score);
        threshold = top.threshold();
      }
    }
  }
}
