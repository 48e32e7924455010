package io.recopipe.model.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one top-N evaluation: averaged metric values by name in evaluator order, the
 * cutoff, and how many users were scored or skipped, because a ranking metric means little
 * without knowing how many users it averages over.
 */
public final class RankingEvaluation {
  private final Map<String, Double> values;
  private final int k;
  private final int evaluatedUsers;
  private final int skippedUsers;

  /** Creates an evaluation; {@code values} is copied in its iteration order. */
  public RankingEvaluation(Map<String, Double> values, int k, int evaluatedUsers,
      int skippedUsers) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values)));
    this.k = k;
    this.evaluatedUsers = evaluatedUsers;
    this.skippedUsers = skippedUsers;
  }

  /**
   * Returns the value of metric {@code name}.
   *
   * @throws IllegalArgumentException when this evaluation has no such metric
   */
  public double get(String name) {
    Double value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no metric '" + name + "'; have " + values.keySet());
    }
    return value;
  }

  /** Returns every metric by name, in evaluator order (unmodifiable). */
  public Map<String, Double> asMap() {
    return values;
  }

  /** Returns the cutoff k of the at-k metrics. */
  public int k() {
    return k;
  }

  /** Returns how many users had at least one relevant item and were scored. */
  public int evaluatedUsers() {
    return evaluatedUsers;
  }

  /** Returns how many users had no relevant item and were skipped. */
  public int skippedUsers() {
    return skippedUsers;
  }

  @Override
  public String toString() {
    return "RankingEvaluation" + values + " at k=" + k + " over " + evaluatedUsers + " users ("
        + skippedUsers + " skipped)";
  }
}
