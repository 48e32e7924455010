package io.recopipe.model.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.mf.MfModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoringWarmupTest {

  @Test
  void warmingUpReturnsWithinItsCapAndLeavesBatchResultsExact() {
    MfModel model = model(70, 300, 64);
    BatchRecommender.Table cold =
        new BatchRecommender(model, RatedItems.none(), 1).recommendAll(10, false);
    // the cap is 3 s; a generous bound keeps this from being a timing test
    assertTimeoutPreemptively(Duration.ofSeconds(60), BatchRecommender::warmUp);
    BatchRecommender.warmUp(); // the second call is a no-op
    BatchRecommender.Table warm =
        new BatchRecommender(model, RatedItems.none(), 2).recommendAll(10, false);
    assertArrayEquals(cold.counts(), warm.counts());
    assertArrayEquals(cold.items(), warm.items());
    assertArrayEquals(cold.ratings(), warm.ratings());
  }

  private static MfModel model(int users, int items, int k) {
    Random random = new Random(7);
    return new MfModel(
        ids("u", users),
        ids("i", items),
        k,
        3.5f,
        gaussian(random, users * k),
        gaussian(random, users),
        gaussian(random, items * k),
        gaussian(random, items));
  }

  private static IdDictionary ids(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      ids.add(prefix + n);
    }
    return IdDictionary.of(ids);
  }

  private static float[] gaussian(Random random, int count) {
    float[] values = new float[count];
    for (int n = 0; n < count; n++) {
      values[n] = (float) (0.3 * random.nextGaussian());
    }
    return values;
  }
}
