package io.recopipe.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import io.recopipe.model.mf.MfModel;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImplicitEvaluatorTest {
  /** One user, items i0..i5 scored 6, 5, 4, 3, 2, 1 (one factor, user factor 1). */
  private static MfModel sixItems() {
    IdDictionary users = IdDictionary.of(List.of("u"));
    IdDictionary items = IdDictionary.of(List.of("i0", "i1", "i2", "i3", "i4", "i5"));
    return new MfModel(
        users,
        items,
        1,
        0f,
        new float[] {1f},
        new float[1],
        new float[] {6f, 5f, 4f, 3f, 2f, 1f},
        new float[6]);
  }

  private static Ratings ratings(String... itemsAndRatings) {
    RatingsBuilder builder = new RatingsBuilder();
    for (int n = 0; n < itemsAndRatings.length; n += 2) {
      builder.add("u", itemsAndRatings[n], Float.parseFloat(itemsAndRatings[n + 1]), 0);
    }
    return builder.build();
  }

  @Test
  void computesTheFourColumnsOnAHandMadeCase() {
    // train: i0 (excluded); candidates i1..i5 ranked i1 i2 i3 i4 i5; held out: i2 and i4
    // (i5 rated 2 is below the threshold 4, so not a positive)
    ImplicitEvaluation result =
        ImplicitEvaluator.withThreshold(4)
            .atCutoff(3)
            .evaluate(sixItems(), ratings("i0", "5"), ratings("i2", "4", "i4", "5", "i5", "2"));
    assertEquals(ImplicitEvaluator.COLUMNS, List.copyOf(result.asMap().keySet()));
    // AP@3: hit at position 2 → (1/2) / min(2, 3) = 0.25
    assertEquals(0.25, result.get("mean_average_precision"), 1e-12);
    // NDCG@3: (1/log2 3) / (1 + 1/log2 3)
    double discount = 1 / (Math.log(3) / Math.log(2));
    assertEquals(
        discount / (1 + discount), result.get("normalized_discounted_cumulative_gain"), 1e-12);
    // percentile ranks over 5 candidates: i2 at 1/4, i4 at 3/4 → 0.5
    assertEquals(0.5, result.get("average_rank"), 1e-12);
    // predicted confidences 4 and 2 against preference 1: ((1-4)² + (1-2)²) / 2 = 5
    assertEquals(5.0, result.get("mean_squared_error"), 1e-12);
    assertEquals(2, result.positives());
    assertEquals(1, result.evaluatedUsers());
    assertEquals(3, result.k());
  }

  @Test
  void averageRankAgreesWithTheFullRankingMetric() {
    SplittableRandom random = new SplittableRandom(3);
    int items = 40;
    float[] scores = new float[items];
    boolean[] excluded = new boolean[items];
    for (int i = 0; i < items; i++) {
      scores[i] = random.nextInt(10); // many ties, broken by the lower index
      excluded[i] = i % 7 == 0;
    }
    int[] relevant = {3, 5, 11, 22, 39};
    List<Integer> ranking = new java.util.ArrayList<>();
    for (int i = 0; i < items; i++) {
      if (!excluded[i]) {
        ranking.add(i);
      }
    }
    ranking.sort((a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : a - b);
    double expected =
        new AverageRank().score(ranking.stream().mapToInt(Integer::intValue).toArray(), relevant);
    double sum = 0;
    for (double p : HeldOutRanks.percentiles(scores, excluded, items, relevant)) {
      sum += p;
    }
    assertEquals(expected, sum / relevant.length, 1e-12);
  }

  @Test
  void refusesAnEvalSplitWithoutPositives() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ImplicitEvaluator.withThreshold(4)
                    .evaluate(sixItems(), ratings("i0", "5"), ratings("i1", "3")));
    assertTrue(e.getMessage().contains("no positives"), e.getMessage());
  }
}
