package io.recopipe.model.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.RandomModels.Kind;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link Recommender#topItems} and {@link Recommender#recommend} give the best items of a full sort
 * of every item's score (ties to the lower index), the rated ones left out when asked.
 */
class RecommenderTest {
  @Test
  void topItemsAndRecommendMatchAFullSort() {
    long seed = 11;
    for (int items : new int[] {30, 1203, 3200}) { // 3,200: large enough to screen
      MfModel model = RandomModels.of(Kind.GAUSSIAN, 7, items, 16, seed++);
      RatedItems rated = RandomModels.rated(7, items, items / 10, seed++);
      Recommender recommender = new Recommender(new ItemScorer(model), rated);
      for (int u = -1; u < 7; u++) {
        String user = u < 0 ? "nobody" : model.users().id(u);
        for (int k : new int[] {1, 50, items + 5}) {
          for (boolean exclude : new boolean[] {false, true}) {
            String where = "items=" + items + " user=" + user + " k=" + k + " exclude=" + exclude;
            int[] expected = fullSort(model, rated, u, exclude, k);
            float[] expectedRatings = new float[expected.length];
            for (int n = 0; n < expected.length; n++) {
              expectedRatings[n] =
                  u < 0
                      ? model.globalIntercept() + model.itemIntercepts()[expected[n]]
                      : model.predict(u, expected[n]);
            }
            int[] indexes = new int[k];
            float[] ratings = new float[k];
            int count = recommender.topItems(u, k, exclude, indexes, ratings);
            assertArrayEquals(expected, Arrays.copyOf(indexes, count), where);
            assertArrayEquals(expectedRatings, Arrays.copyOf(ratings, count), where);
            Recommendation recommendation = recommender.recommend(user, k, exclude);
            List<String> ids = IntStream.of(expected).mapToObj(model.items()::id).toList();
            assertEquals(ids, recommendation.itemIds(), where);
            assertArrayEquals(expectedRatings, recommendation.ratings(), where);
            assertEquals(u < 0, recommendation.coldStart(), where);
          }
        }
      }
    }
  }

  /** The reference: every item scored by predict's rule, sorted, the first k taken. */
  private static int[] fullSort(MfModel model, RatedItems rated, int u, boolean exclude, int k) {
    int items = model.items().size();
    float[] scores = new float[items];
    for (int i = 0; i < items; i++) {
      scores[i] = u < 0 ? model.globalIntercept() + model.itemIntercepts()[i] : model.predict(u, i);
    }
    int[] excluded = exclude && u >= 0 ? rated.itemsOf(u) : new int[0];
    return IntStream.range(0, items)
        .filter(i -> Arrays.binarySearch(excluded, i) < 0)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
        .limit(k)
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
