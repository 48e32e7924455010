package io.recopipe.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Averaging over users, skipping users without relevant items, and average rank pooled over (user,
 * item) pairs. Expected values by hand, cross-checked with a plain python3 implementation.
 */
class RankingEvaluatorTest {
  private static final double EXACT = 1e-12;

  // user A: 8 candidates, relevant {1,3,5}: P@3 1/3, R@3 1/3, AP@3 1/6, NDCG@3 0.2960819109658652,
  //   percentiles 1/7, 3/7, 7/7
  // user B: 4 candidates, relevant {2,3}: top-3 {2,0,1} has a hit at position 1:
  //   P@3 1/3, R@3 1/2, AP@3 (1/1)/min(2,3) = 1/2, NDCG@3 1/(1 + 1/log2 3) = 0.6131471927654584,
  //   percentiles 0/3 and 3/3
  // user C: no relevant item, skipped
  private static final List<int[]> RANKINGS =
      List.of(new int[] {4, 1, 7, 3, 0, 6, 2, 5}, new int[] {2, 0, 1, 3}, new int[] {0, 1});
  private static final List<int[]> RELEVANT =
      List.of(new int[] {1, 3, 5}, new int[] {2, 3}, new int[0]);

  @Test
  void averagesOverUsersWithRelevantItems() {
    RankingEvaluation evaluation = RankingEvaluator.atCutoff(3).evaluate(RANKINGS, RELEVANT);
    assertEquals(
        List.of(
            "precision",
            "recall",
            "mean_average_precision",
            "normalized_discounted_cumulative_gain",
            "average_rank"),
        List.copyOf(evaluation.asMap().keySet()));
    assertEquals(3, evaluation.k());
    assertEquals(2, evaluation.evaluatedUsers());
    assertEquals(1, evaluation.skippedUsers());
    assertEquals(1.0 / 3, evaluation.get(PrecisionAtK.NAME), EXACT);
    assertEquals((1.0 / 3 + 1.0 / 2) / 2, evaluation.get(RecallAtK.NAME), EXACT); // 0.41666…
    assertEquals((1.0 / 6 + 1.0 / 2) / 2, evaluation.get(AveragePrecisionAtK.NAME), EXACT);
    assertEquals(
        (0.2960819109658652 + 0.6131471927654584) / 2,
        evaluation.get(NdcgAtK.NAME),
        EXACT); // 0.4546145518656618
  }

  @Test
  void averageRankIsPooledOverHeldOutPairs() {
    // (1/7 + 3/7 + 1 + 0 + 1) / 5 = 18/35 = 0.5142857142857142; the per-user mean would be
    // (11/21 + 1/2) / 2 = 0.5119…, which is not Hu et al.'s measure
    RankingEvaluation evaluation = RankingEvaluator.atCutoff(3).evaluate(RANKINGS, RELEVANT);
    assertEquals(18.0 / 35, evaluation.get(AverageRank.NAME), EXACT);
  }

  @Test
  void accumulatorTakesOneUserAtATime() {
    RankingAccumulator accumulator = RankingEvaluator.atCutoff(3).accumulator();
    for (int u = 0; u < RANKINGS.size(); u++) {
      accumulator.add(RANKINGS.get(u), RELEVANT.get(u));
    }
    assertEquals(
        RankingEvaluator.atCutoff(3).evaluate(RANKINGS, RELEVANT).asMap(),
        accumulator.finish().asMap());
    assertFalse(accumulator.add(new int[] {1}, new int[0]));
  }

  @Test
  void topKListsNeedTheEvaluatorWithoutAverageRank() {
    List<int[]> topThree = List.of(new int[] {4, 1, 7}, new int[] {2, 0, 1});
    List<int[]> relevant = RELEVANT.subList(0, 2);
    assertThrows(
        IllegalArgumentException.class,
        () -> RankingEvaluator.atCutoff(3).evaluate(topThree, relevant));
    RankingEvaluation evaluation =
        RankingEvaluator.atCutoff(3).withoutAverageRank().evaluate(topThree, relevant);
    assertFalse(evaluation.asMap().containsKey(AverageRank.NAME));
    assertEquals((1.0 / 6 + 1.0 / 2) / 2, evaluation.get(AveragePrecisionAtK.NAME), EXACT);
  }

  @Test
  void noScorableUserIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RankingEvaluator.atCutoff(3).evaluate(List.of(new int[] {1, 2}), List.of(new int[0])));
    assertThrows(
        IllegalArgumentException.class,
        () -> RankingEvaluator.atCutoff(3).evaluate(RANKINGS, RELEVANT.subList(0, 2)));
    assertThrows(IllegalArgumentException.class, () -> RankingEvaluator.atCutoff(0));
  }
}
