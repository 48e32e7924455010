package io.recopipe.model.metrics;

import java.util.Map;

/**
 * The result of an implicit evaluation: BigQuery ML's implicit ML.EVALUATE columns with the counts
 * that qualify them, because a ranking metric means little without knowing over how many users
 * and held-out positives it was averaged.
 */
public final class ImplicitEvaluation extends MetricValues {
  private final int k;
  private final long positives;
  private final int evaluatedUsers;
  private final int skippedUsers;

  /** Creates an evaluation; {@code values} is copied in its iteration order. */
  public ImplicitEvaluation(Map<String, Double> values, int k, long positives,
      int evaluatedUsers, int skippedUsers) {
    super(values);
    this.k = k;
    this.positives = positives;
    this.evaluatedUsers = evaluatedUsers;
    this.skippedUsers = skippedUsers;
  }

  /** The cutoff of {@code mean_average_precision} and of the NDCG column. */
  public int k() {
    return k;
  }

  /** The held-out positive (user, item) pairs {@code mean_squared_error} averages over. */
  public long positives() {
    return positives;
  }

  /** Users with at least one rankable held-out positive, over whom the ranking metrics average. */
  public int evaluatedUsers() {
    return evaluatedUsers;
  }

  /** Users with held-out positives the model cannot rank (unknown user, or only unknown items). */
  public int skippedUsers() {
    return skippedUsers;
  }

  @Override
  public String toString() {
    return "ImplicitEvaluation" + asMap() + " at k=" + k + " over " + evaluatedUsers + " users ("
        + skippedUsers + " skipped), " + positives + " positives";
  }
}
