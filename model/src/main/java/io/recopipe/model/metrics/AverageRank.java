package io.recopipe.model.metrics;

/**
 * BigQuery ML's implicit {@code average_rank}: the expected percentile ranking of Hu, Koren and
 * Volinsky, "Collaborative Filtering for Implicit Feedback Datasets" (ICDM 2008), the metric that
 * paper proposes because implicit data has no negative labels, so only where the held-out items
 * land in the full ranking can be judged, not precision against "disliked" items.
 *
 * <p>Formula: with the user's N candidates ranked best first and item i at 0-based position pos(i),
 * its percentile rank is rank_ui = pos(i) / (N − 1) (0 = top of the list, 1 = bottom; 0 when N =
 * 1). The paper's measure is Σ r_ui·rank_ui / Σ r_ui over all held-out (user, item) pairs; recopipe
 * uses binary r_ui (1 for each held-out item), so it is the mean of rank_ui over all held-out
 * pairs. To get that from a mean over users, {@link #score} is the user's mean rank_ui and {@link
 * #weight} is the user's number of held-out items. Lower is better; random order gives about 0.5.
 *
 * <p>The ranking must be the user's full list of candidates (every item the caller ranks, e.g. all
 * items not in the user's training data), not a top k: every relevant item must appear in it.
 */
public final class AverageRank implements RankingMetric {
  /** The ML.EVALUATE column name. */
  public static final String NAME = "average_rank";

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Returns the mean percentile rank of the user's relevant items.
   *
   * @throws IllegalArgumentException when a relevant item is missing from {@code ranking}
   */
  @Override
  public double score(int[] ranking, int[] relevant) {
    RelevantItems.check(ranking, relevant);
    int candidates = ranking.length;
    double sum = 0;
    int found = 0;
    for (int p = 0; p < candidates; p++) {
      if (RelevantItems.contains(relevant, ranking[p])) {
        sum += candidates == 1 ? 0.0 : (double) p / (candidates - 1);
        found++;
      }
    }
    if (found != relevant.length) {
      throw new IllegalArgumentException(
          "average_rank needs the full ranking, with each relevant"
              + " item exactly once: "
              + found
              + " matches for "
              + relevant.length
              + " relevant items among "
              + candidates
              + " ranked candidates");
    }
    return sum / relevant.length;
  }

  /** Returns the number of held-out items, so the average runs over (user, item) pairs. */
  @Override
  public double weight(int[] ranking, int[] relevant) {
    return relevant.length;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
