package io.recopipe.model.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Averages per-user ranking metrics at a cutoff k, for implicit-feedback models whose quality is
 * the order of a user's list (Hu, Koren and Volinsky 2008) rather than a rating error.
 *
 * <p>Each user gives a ranking of candidate item indexes (best first) and the strictly ascending
 * indexes of the user's held-out (relevant) items. A user with no relevant item has no defined
 * precision, recall or rank and is skipped and counted. Every metric is averaged over the scored
 * users with the metric's {@link RankingMetric#weight}: a plain mean for the at-k metrics, a mean
 * over (user, item) pairs for {@link AverageRank}.
 *
 * <p>The at-k metrics read only the first k entries of a ranking; {@link AverageRank} needs the
 * full ranking of all candidates. A caller holding only top-k lists uses {@link
 * #withoutAverageRank()}. Instances are immutable and thread-safe; {@link RankingAccumulator}s are
 * not.
 */
public final class RankingEvaluator {
  private final int k;
  private final List<RankingMetric> metrics;

  private RankingEvaluator(int k, List<RankingMetric> metrics) {
    this.k = k;
    this.metrics = List.copyOf(metrics);
  }

  /**
   * Returns an evaluator of precision, recall, mean average precision and NDCG at {@code k}, and
   * average rank, in that order.
   */
  public static RankingEvaluator atCutoff(int k) {
    RelevantItems.checkCutoff(k);
    return new RankingEvaluator(
        k,
        List.of(
            new PrecisionAtK(k),
            new RecallAtK(k),
            new AveragePrecisionAtK(k),
            new NdcgAtK(k),
            new AverageRank()));
  }

  /** Returns this evaluator without {@code average_rank}, for rankings cut at k. */
  public RankingEvaluator withoutAverageRank() {
    List<RankingMetric> kept = new ArrayList<>(metrics);
    kept.removeIf(metric -> metric instanceof AverageRank);
    return new RankingEvaluator(k, kept);
  }

  /** Returns the cutoff. */
  public int k() {
    return k;
  }

  /** Returns the metrics, in report order. */
  public List<RankingMetric> metrics() {
    return metrics;
  }

  /** Starts an evaluation that takes one user at a time, so no ranking needs to be kept. */
  public RankingAccumulator accumulator() {
    return new RankingAccumulator(k, metrics);
  }

  /**
   * Evaluates users given as parallel lists: {@code rankings.get(u)} and {@code relevant.get(u)}.
   *
   * @throws IllegalArgumentException when the lists differ in size, an input is malformed, or no
   *     user has a relevant item
   */
  public RankingEvaluation evaluate(List<int[]> rankings, List<int[]> relevant) {
    if (rankings.size() != relevant.size()) {
      throw new IllegalArgumentException(
          rankings.size() + " rankings but " + relevant.size() + " relevant sets");
    }
    RankingAccumulator accumulator = accumulator();
    for (int u = 0; u < rankings.size(); u++) {
      accumulator.add(rankings.get(u), relevant.get(u));
    }
    return accumulator.finish();
  }

  @Override
  public String toString() {
    return "RankingEvaluator[k=" + k + ", " + metrics + "]";
  }
}
