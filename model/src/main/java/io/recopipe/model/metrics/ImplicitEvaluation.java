package io.recopipe.model.metrics;

import java.util.Map;

/**
 * The result of an implicit evaluation: BigQuery ML's implicit ML.EVALUATE columns with the counts
 * that qualify them, because a ranking metric means little without knowing over how many users and
 * held-out positives it was averaged.
 */
public final class ImplicitEvaluation extends RankingEvaluation {
  private final long positives;

  /** Creates an evaluation; {@code values} is copied in its iteration order. */
  public ImplicitEvaluation(
      Map<String, Double> values, int k, long positives, int evaluatedUsers, int skippedUsers) {
    super(values, k, evaluatedUsers, skippedUsers);
    this.positives = positives;
  }

  /** The held-out positive (user, item) pairs {@code mean_squared_error} averages over. */
  public long positives() {
    return positives;
  }

  @Override
  public String toString() {
    return "ImplicitEvaluation"
        + asMap()
        + " at k="
        + k()
        + " over "
        + evaluatedUsers()
        + " users ("
        + skippedUsers()
        + " skipped), "
        + positives
        + " positives";
  }
}
