package io.recopipe.model.metrics;

import io.recopipe.model.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Running weighted sums of per-user ranking scores, so an evaluation over a hundred thousand users
 * can score each user's full ranking as soon as it is built and then drop it. Not thread-safe: use
 * one per thread and evaluate users in one place, or synchronize.
 */
public final class RankingAccumulator {
  private final int k;
  private final List<RankingMetric> metrics;
  private final double[] weightedSums;
  private final double[] weights;
  private int evaluatedUsers;
  private int skippedUsers;

  RankingAccumulator(int k, List<RankingMetric> metrics) {
    this.k = k;
    this.metrics = metrics;
    this.weightedSums = new double[metrics.size()];
    this.weights = new double[metrics.size()];
  }

  /**
   * Scores one user; a user with no relevant item is skipped and counted.
   *
   * @return whether the user was scored
   * @throws IllegalArgumentException when {@code relevant} is not strictly ascending, or a relevant
   *     item is missing from a ranking that {@code average_rank} needs in full
   */
  public boolean add(int[] ranking, int[] relevant) {
    Objects.requireNonNull(ranking, "ranking");
    if (relevant.length == 0) {
      skippedUsers++;
      return false;
    }
    double[] scores = new double[metrics.size()];
    for (int m = 0; m < scores.length; m++) {
      scores[m] = metrics.get(m).score(ranking, relevant); // validates before anything is summed
    }
    for (int m = 0; m < scores.length; m++) {
      double weight = metrics.get(m).weight(ranking, relevant);
      weightedSums[m] += weight * scores[m];
      weights[m] += weight;
    }
    evaluatedUsers++;
    return true;
  }

  /**
   * Returns the averages over the users added so far.
   *
   * @throws IllegalArgumentException when no user had a relevant item
   */
  public RankingEvaluation finish() {
    if (evaluatedUsers == 0) {
      throw new InvalidInputException(
          "cannot evaluate rankings: none of the " + skippedUsers + " users has a relevant item");
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (int m = 0; m < weights.length; m++) {
      values.put(metrics.get(m).name(), weightedSums[m] / weights[m]);
    }
    return new RankingEvaluation(values, k, evaluatedUsers, skippedUsers);
  }
}
