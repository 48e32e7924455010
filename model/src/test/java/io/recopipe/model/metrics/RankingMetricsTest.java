package io.recopipe.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Each ranking metric on tiny hand cases; the arithmetic is in the comments, cross-checked with a
 * plain python3 implementation of the same formulas.
 */
class RankingMetricsTest {
  private static final double EXACT = 1e-12;
  private static final double LOG2_3 = Math.log(3) / Math.log(2);

  // 8 candidates, relevant {1,3,5} at 0-based positions 1, 3 and 7; top-3 = {4,1,7} has one hit at
  // 1-based position 2
  private static final int[] RANKING = {4, 1, 7, 3, 0, 6, 2, 5};
  private static final int[] RELEVANT = {1, 3, 5};

  @Test
  void precisionAtK() {
    // 1 hit / k=3
    assertEquals(1.0 / 3, new PrecisionAtK(3).score(RANKING, RELEVANT), EXACT);
    // k beyond the list: denominator stays k; 3 hits among 8 ranked / 10
    assertEquals(0.3, new PrecisionAtK(10).score(RANKING, RELEVANT), EXACT);
  }

  @Test
  void recallAtK() {
    // 1 hit / 3 relevant
    assertEquals(1.0 / 3, new RecallAtK(3).score(RANKING, RELEVANT), EXACT);
    assertEquals(1.0, new RecallAtK(8).score(RANKING, RELEVANT), EXACT);
  }

  @Test
  void averagePrecisionAtK() {
    // hit at position 2 with precision@2 = 1/2; normalized by min(3, 3): (1/2)/3 = 1/6
    assertEquals(1.0 / 6, new AveragePrecisionAtK(3).score(RANKING, RELEVANT), EXACT);
    // k=4: hits at 2 (P=1/2) and 4 (P=2/4); / min(3,4) = 3: (0.5+0.5)/3 = 1/3
    assertEquals(1.0 / 3, new AveragePrecisionAtK(4).score(RANKING, RELEVANT), EXACT);
  }

  @Test
  void averagePrecisionNormalizesByKWhenMoreItemsAreRelevant() {
    // k=2, top-2 = {1,2} both relevant of 3: (1/1 + 2/2) / min(3, 2) = 1
    assertEquals(
        1.0, new AveragePrecisionAtK(2).score(new int[] {1, 2, 3}, new int[] {1, 2, 3}), EXACT);
  }

  @Test
  void ndcgAtK() {
    // DCG = 1/log2(3) (hit at position 2); IDCG = 1 + 1/log2(3) + 1/log2(4) = 2.1309297535714578
    // NDCG = 0.6309297535714575 / 2.1309297535714578 = 0.2960819109658652
    double expected = (1 / LOG2_3) / (1 + 1 / LOG2_3 + 0.5);
    assertEquals(0.2960819109658652, expected, EXACT);
    assertEquals(expected, new NdcgAtK(3).score(RANKING, RELEVANT), EXACT);
  }

  @Test
  void ndcgIsOneForAPerfectTopK() {
    // top-2 both relevant, 3 relevant: ideal uses min(3, 2) = 2 hits, so DCG = IDCG
    assertEquals(1.0, new NdcgAtK(2).score(new int[] {1, 2, 3}, new int[] {1, 2, 3}), EXACT);
  }

  @Test
  void averageRankIsTheMeanPercentileOfHeldOutItems() {
    // positions 1, 3, 7 of N = 8: (1/7 + 3/7 + 7/7) / 3 = 11/21
    assertEquals(11.0 / 21, new AverageRank().score(RANKING, RELEVANT), EXACT);
    assertEquals(3.0, new AverageRank().weight(RANKING, RELEVANT));
    // top of the list is 0, bottom is 1
    assertEquals(0.0, new AverageRank().score(new int[] {9, 8}, new int[] {9}), EXACT);
    assertEquals(1.0, new AverageRank().score(new int[] {9, 8}, new int[] {8}), EXACT);
    assertEquals(0.0, new AverageRank().score(new int[] {9}, new int[] {9}), EXACT);
  }

  @Test
  void averageRankRefusesATruncatedRanking() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new AverageRank().score(new int[] {4, 1, 7}, RELEVANT));
  }

  @Test
  void malformedInputsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PrecisionAtK(0));
    assertThrows(
        IllegalArgumentException.class, () -> new RecallAtK(3).score(RANKING, new int[] {5, 3}));
    assertThrows(
        IllegalArgumentException.class, () -> new NdcgAtK(3).score(RANKING, new int[] {3, 3}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AveragePrecisionAtK(3).score(RANKING, new int[0]));
  }
}
