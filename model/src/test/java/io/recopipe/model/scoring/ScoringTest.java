package io.recopipe.model.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.testing.PlantedRatings;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScoringTest {
  private static final PlantedRatings.Split DATA =
      PlantedRatings.generate(120, 90, 3, 0.3, 0.2, 11);
  private static final MfModel MODEL =
      new AlsTrainer(AlsOptions.builder().numFactors(5).maxIterations(5).l2Reg(0.5).build())
          .fit(DATA.train())
          .model();

  @Test
  void scoresOfAllItemsAreBitIdenticalToSinglePredictions() {
    ItemScorer scorer = new ItemScorer(MODEL);
    int items = MODEL.items().size();
    float[] out = new float[items];
    float[] scratch = new float[items];
    for (int u = 0; u < MODEL.users().size(); u++) {
      scorer.scoreAll(u, out, scratch);
      for (int i = 0; i < items; i++) {
        assertEquals(Float.floatToIntBits(MODEL.predict(u, i)), Float.floatToIntBits(out[i]));
      }
    }
  }

  @Test
  void topKMatchesAFullSortWithDeterministicTies() {
    float[] scores = {3f, 5f, 1f, 5f, 4f, 2f, 5f};
    TopK top = new TopK(4);
    for (int i = 0; i < scores.length; i++) {
      top.offer(i, scores[i]);
    }
    top.offer(99, Float.NaN);
    int[] items = new int[4];
    float[] out = new float[4];
    assertEquals(4, top.drainBestFirst(items, out));
    assertArrayEquals(new int[] {1, 3, 6, 4}, items, "ties go to the lower index");
    assertArrayEquals(new float[] {5f, 5f, 5f, 4f}, out);
    assertEquals(0, top.size());
  }

  @Test
  void recommendsTheHighestPredictionsAndCanExcludeRatedItems() {
    RatedItems rated = RatedItems.of(DATA.train(), MODEL);
    Recommender recommender = new Recommender(new ItemScorer(MODEL), rated);
    int u = 4;
    String user = MODEL.users().id(u);
    Recommendation all = recommender.recommend(user, 10, false);
    Integer[] order = IntStream.range(0, MODEL.items().size()).boxed().toArray(Integer[]::new);
    Arrays.sort(
        order,
        Comparator.comparingDouble((Integer i) -> -MODEL.predict(u, i)).thenComparingInt(i -> i));
    for (int r = 0; r < 10; r++) {
      assertEquals(MODEL.items().id(order[r]), all.itemIds().get(r));
      assertEquals(MODEL.predict(u, order[r]), all.ratings()[r]);
    }
    assertFalse(all.coldStart());

    Recommendation fresh = recommender.recommend(user, 10, true);
    Set<String> ratedIds = new HashSet<>();
    for (int item : rated.itemsOf(u)) {
      ratedIds.add(MODEL.items().id(item));
    }
    assertFalse(ratedIds.isEmpty());
    for (String id : fresh.itemIds()) {
      assertFalse(ratedIds.contains(id), "rated item " + id + " was recommended");
    }
    for (int r = 1; r < fresh.ratings().length; r++) {
      assertTrue(fresh.ratings()[r - 1] >= fresh.ratings()[r], "descending");
    }
  }

  @Test
  void anUnknownUserGetsTheItemsWithTheHighestInterceptsAndIsFlagged() {
    Recommendation cold = Recommender.of(MODEL).recommend("stranger", 3, true);
    assertTrue(cold.coldStart());
    int best =
        IntStream.range(0, MODEL.items().size())
            .boxed()
            .max(
                Comparator.comparingDouble((Integer i) -> MODEL.itemIntercept(i))
                    .thenComparing(Comparator.<Integer>reverseOrder()))
            .orElseThrow();
    assertEquals(MODEL.items().id(best), cold.itemIds().get(0));
    assertEquals(MODEL.globalIntercept() + MODEL.itemIntercept(best), cold.ratings()[0]);
  }

  @Test
  void batchTopKEqualsPerUserTopKForAnyThreadCount() {
    RatedItems rated = RatedItems.of(DATA.train(), MODEL);
    Recommender single = new Recommender(new ItemScorer(MODEL), rated);
    BatchRecommender.Table one = new BatchRecommender(MODEL, rated, 1).recommendAll(7, true);
    BatchRecommender.Table two = new BatchRecommender(MODEL, rated, 2).recommendAll(7, true);
    assertArrayEquals(one.items(), two.items());
    assertArrayEquals(one.ratings(), two.ratings());
    for (int u = 0; u < MODEL.users().size(); u++) {
      Recommendation expected = single.recommend(MODEL.users().id(u), 7, true);
      assertEquals(expected.itemIds().size(), one.counts()[u]);
      for (int r = 0; r < one.counts()[u]; r++) {
        assertEquals(expected.itemIds().get(r), MODEL.items().id(one.item(u, r)));
        assertEquals(expected.ratings()[r], one.rating(u, r));
      }
    }
  }
}
