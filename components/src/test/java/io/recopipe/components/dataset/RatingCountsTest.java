package io.recopipe.components.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RatingCountsTest {
  @Test
  void countsEveryValueAsASortedMapOfFloatsWould() {
    SplittableRandom random = new SplittableRandom(7);
    RatingsBuilder builder = new RatingsBuilder();
    TreeMap<Float, Long> expected = new TreeMap<>();
    float[] pool = {-0.0f, 0.0f, 0.5f, 1f, 4.5f, -3.25f, 1e-7f, 100f};
    for (int n = 0; n < 5_000; n++) {
      float value = n < 3_000 ? pool[random.nextInt(pool.length)] : random.nextFloat() * 10;
      builder.addIndexed(builder.users().intern("u" + n), builder.items().intern("i"), value, 0);
      expected.merge(value, 1L, Long::sum);
    }
    RatingCounts counts = RatingCounts.of(builder.buildWithoutDuplicateCheck());
    float[] values = counts.values();
    assertEquals(expected.size(), values.length);
    int n = 0;
    for (Map.Entry<Float, Long> entry : expected.entrySet()) {
      assertEquals(Float.floatToIntBits(entry.getKey()), Float.floatToIntBits(values[n++]));
      assertEquals(entry.getValue(), counts.count(entry.getKey()));
    }
  }

  @Test
  void distinctStopsPastTheLimit() {
    RatingsBuilder builder = new RatingsBuilder();
    for (int n = 0; n < 100; n++) {
      builder.add("u" + n, "i", n % 7, 0);
    }
    Ratings ratings = builder.build();
    assertArrayEquals(
        new float[] {0, 1, 2, 3, 4, 5, 6}, RatingCounts.distinct(ratings, 7).orElseThrow());
    assertTrue(RatingCounts.distinct(ratings, 6).isEmpty());
  }
}
