package io.recopipe.model.metrics;

import java.util.Map;

/**
 * The result of one top-N evaluation: averaged metric values by name in evaluator order, the
 * cutoff, and how many users were scored or skipped, because a ranking metric means little without
 * knowing how many users it averages over.
 */
public class RankingEvaluation extends MetricValues {
  private final int k;
  private final int evaluatedUsers;
  private final int skippedUsers;

  /** Creates an evaluation; {@code values} is copied in its iteration order. */
  public RankingEvaluation(
      Map<String, Double> values, int k, int evaluatedUsers, int skippedUsers) {
    super(values);
    this.k = k;
    this.evaluatedUsers = evaluatedUsers;
    this.skippedUsers = skippedUsers;
  }

  /** Returns the cutoff k of the at-k metrics. */
  public int k() {
    return k;
  }

  /** Returns how many users had at least one relevant (rankable) item and were scored. */
  public int evaluatedUsers() {
    return evaluatedUsers;
  }

  /** Returns how many users were skipped (no relevant item, or none the model can rank). */
  public int skippedUsers() {
    return skippedUsers;
  }

  @Override
  public String toString() {
    return "RankingEvaluation"
        + asMap()
        + " at k="
        + k
        + " over "
        + evaluatedUsers
        + " users ("
        + skippedUsers
        + " skipped)";
  }
}
