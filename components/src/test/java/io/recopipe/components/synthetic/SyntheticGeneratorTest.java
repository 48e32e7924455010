package io.recopipe.components.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.data.CsrView;
import io.recopipe.model.data.Ratings;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticGeneratorTest {

  @ParameterizedTest
  @EnumSource(
      value = Preset.class,
      names = {"ML_100K", "ML_1M"})
  void presetsHaveExactMovieLensSizesAndShape(Preset preset) {
    SyntheticDataset data = SyntheticGenerator.generate(preset, 42);
    Ratings ratings = data.ratings();
    assertEquals(preset.ratings(), ratings.size());
    assertEquals(preset.users(), ratings.users().size());
    assertEquals(preset.items(), ratings.items().size());
    assertEquals("1", ratings.users().id(0));
    assertEquals(String.valueOf(preset.items()), ratings.items().id(preset.items() - 1));
    assertWellFormed(ratings, 20);
    int[] perItem = counts(ratings, false);
    assertTrue(Arrays.stream(perItem).allMatch(c -> c >= 1), "every item rated at least once");
    assertTrue(topTenPercentShare(perItem, ratings.size()) > 0.40, "popular items dominate");
    assertTrue(
        topTenPercentShare(counts(ratings, true), ratings.size()) > 0.25,
        "heavy users give far more than their share");
  }

  @Test
  void sameSeedSameDataRegardlessOfThreadCount() throws Exception {
    SyntheticSpec spec = SyntheticSpec.custom(400, 300, 30_000);
    Ratings first = SyntheticGenerator.generate(spec, 7).ratings();
    Ratings oneThread =
        new ForkJoinPool(1).submit(() -> SyntheticGenerator.generate(spec, 7)).get().ratings();
    Ratings threeThreads =
        new ForkJoinPool(3).submit(() -> SyntheticGenerator.generate(spec, 7)).get().ratings();
    for (Ratings other : new Ratings[] {oneThread, threeThreads}) {
      assertEquals(first.fingerprint(), other.fingerprint());
      assertArrayEquals(timestamps(first), timestamps(other));
    }
    assertNotEquals(
        first.fingerprint(), SyntheticGenerator.generate(spec, 8).ratings().fingerprint());
  }

  @Test
  void customSizesIncludingDenseOnesAreExact() {
    Ratings sparse = SyntheticGenerator.generate(SyntheticSpec.custom(50, 40, 1_500), 1).ratings();
    assertEquals(1_500, sparse.size());
    assertWellFormed(sparse, 20);
    // 30 users × 25 items at 93% density: exercises the sampler's exhaustive fallback
    Ratings dense = SyntheticGenerator.generate(SyntheticSpec.custom(30, 25, 700), 1).ratings();
    assertEquals(700, dense.size());
    assertWellFormed(dense, 20);
    Ratings full = SyntheticGenerator.generate(SyntheticSpec.custom(5, 4, 20), 3).ratings();
    assertEquals(20, full.size());
    assertWellFormed(full, 4);
  }

  @Test
  void rejectsImpossibleSizes() {
    assertThrows(IllegalArgumentException.class, () -> SyntheticSpec.custom(10, 100, 199));
    assertThrows(IllegalArgumentException.class, () -> SyntheticSpec.custom(10, 5, 51));
    assertThrows(IllegalArgumentException.class, () -> SyntheticSpec.custom(0, 5, 0));
  }

  @Test
  void exposesPlantedNoiseAndTheBestAchievableRmse() {
    SyntheticDataset data = SyntheticGenerator.generate(Preset.ML_100K, 3);
    assertEquals(SyntheticSpec.DEFAULT_NOISE_SD, data.plantedNoiseSd());
    assertEquals(0.85, data.plantedNoiseSd(), 0.05);
    // noise plus rounding (sd √(1/12)), less what clipping at 1 and 5 removes
    assertEquals(0.85, data.plantedRmse(), 0.05);
    double mean = data.ratings().mean();
    assertTrue(mean > 3.3 && mean < 3.8, "MovieLens-like mean, got " + mean);
    SyntheticDataset noiseless =
        SyntheticGenerator.generate(SyntheticSpec.of(Preset.ML_100K).withNoiseSd(0), 3);
    assertTrue(noiseless.plantedRmse() < 0.35, "rounding only: " + noiseless.plantedRmse());
  }

  @Test
  void findsPresetsByCliName() {
    assertEquals(Preset.ML_20M, Preset.fromName("ml-20m"));
    assertEquals(Preset.ML_1M, Preset.fromName("ML_1M"));
    assertEquals(20_000_263, Preset.ML_20M.ratings());
    assertThrows(IllegalArgumentException.class, () -> Preset.fromName("ml-5m"));
  }

  /** Integer ratings 1..5, no duplicate pairs, a floor per user, timestamps rising per user. */
  static void assertWellFormed(Ratings ratings, int minPerUser) {
    CsrView byUser = ratings.byUser();
    for (int u = 0; u < byUser.rowCount(); u++) {
      assertTrue(byUser.count(u) >= minPerUser, "user " + u + " has " + byUser.count(u));
      for (int n = byUser.start(u) + 1; n < byUser.end(u); n++) {
        assertTrue(byUser.column(n - 1) < byUser.column(n), "duplicate pair for user " + u);
      }
    }
    for (int n = 0; n < ratings.size(); n++) {
      float rating = ratings.rating(n);
      assertTrue(rating >= 1 && rating <= 5 && rating == Math.rint(rating), "rating " + rating);
      if (n > 0 && ratings.user(n) == ratings.user(n - 1)) {
        assertTrue(ratings.timestamp(n) > ratings.timestamp(n - 1), "time goes forward");
      }
    }
  }

  static int[] counts(Ratings ratings, boolean byUser) {
    int[] counts = new int[byUser ? ratings.users().size() : ratings.items().size()];
    for (int n = 0; n < ratings.size(); n++) {
      counts[byUser ? ratings.user(n) : ratings.item(n)]++;
    }
    return counts;
  }

  static double topTenPercentShare(int[] counts, int total) {
    int[] sorted = counts.clone();
    Arrays.sort(sorted);
    long top = 0;
    for (int n = 0; n < sorted.length / 10; n++) {
      top += sorted[sorted.length - 1 - n];
    }
    return top / (double) total;
  }

  private static long[] timestamps(Ratings ratings) {
    long[] times = new long[ratings.size()];
    for (int n = 0; n < times.length; n++) {
      times[n] = ratings.timestamp(n);
    }
    return times;
  }
}
