package io.recopipe.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.mf.MfModel;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockScoringTest {
  /** Wide enough (k = 40) and with enough items (2,003) that the items span several tiles. */
  private static MfModel randomModel(int users, int items, int k, long seed) {
    Random random = new Random(seed);
    float[] x = new float[users * k];
    float[] y = new float[items * k];
    float[] userIntercepts = new float[users];
    float[] itemIntercepts = new float[items];
    for (int n = 0; n < x.length; n++) {
      x[n] = (float) random.nextGaussian();
    }
    for (int n = 0; n < y.length; n++) {
      y[n] = (float) random.nextGaussian();
    }
    for (int n = 0; n < users; n++) {
      userIntercepts[n] = (float) random.nextGaussian();
    }
    for (int n = 0; n < items; n++) {
      itemIntercepts[n] = (float) random.nextGaussian();
    }
    return new MfModel(
        ids("u", users), ids("i", items), k, 3.5f, x, userIntercepts, y, itemIntercepts);
  }

  private static IdDictionary ids(String prefix, int count) {
    List<String> ids = IntStream.range(0, count).mapToObj(n -> prefix + n).toList();
    return IdDictionary.of(ids);
  }

  @Test
  void blockScoresAreBitIdenticalToSinglePredictionsForEveryBlockShape() {
    MfModel model = randomModel(11, 2003, 40, 7);
    ItemScorer scorer = new ItemScorer(model);
    int items = model.items().size();
    float[] scratch = new float[items];
    for (int count : new int[] {1, 3, 4, 7, 11}) {
      float[][] out = new float[count][items];
      scorer.scoreBlock(0, count, out, scratch);
      for (int j = 0; j < count; j++) {
        for (int i = 0; i < items; i++) {
          assertEquals(
              Float.floatToIntBits(model.predict(j, i)),
              Float.floatToIntBits(out[j][i]),
              "user " + j + " item " + i + " in a block of " + count);
        }
      }
    }
  }

  @Test
  void batchTopKOverManyBlocksEqualsPerUserTopK() {
    MfModel model = randomModel(150, 517, 12, 3);
    Recommender single = Recommender.of(model);
    BatchRecommender.Table table =
        new BatchRecommender(model, RatedItems.none(), 2).recommendAll(20, false);
    for (int u = 0; u < model.users().size(); u++) {
      Recommendation expected = single.recommend(model.users().id(u), 20, false);
      assertEquals(20, table.counts()[u]);
      for (int r = 0; r < 20; r++) {
        assertEquals(expected.itemIds().get(r), model.items().id(table.item(u, r)));
        assertEquals(
            Float.floatToIntBits(expected.ratings()[r]), Float.floatToIntBits(table.rating(u, r)));
      }
    }
  }
}
