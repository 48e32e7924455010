package io.recopipe.model.metrics;

/**
 * One top-N metric scored per user, one class per metric as in LensKit, so that implicit-feedback
 * models (which predict a confidence, not a rating) are judged by what users see: the order of the
 * list. {@link RankingEvaluator} averages the per-user scores.
 *
 * <p>Inputs, for one user: {@code ranking}, candidate item indexes best first, each at most once;
 * {@code relevant}, the user's held-out item indexes, strictly ascending and not empty.
 */
public interface RankingMetric {

  /** Returns the column name (BigQuery ML's where it has one, e.g. {@code average_rank}). */
  String name();

  /** Returns this user's score. */
  double score(int[] ranking, int[] relevant);

  /**
   * Returns this user's weight in the average over users; 1 (a plain mean over users) unless the
   * metric is defined as a mean over held-out items instead.
   */
  default double weight(int[] ranking, int[] relevant) {
    return 1.0;
  }
}
