package io.recopipe.model.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.RandomModels.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScreenedTopKTest {
  private static final int[] NONE = new int[0];

  @BeforeAll
  static void needsTheVectorApi() {
    assumeTrue(ItemScorer.VECTOR_API, "the screen runs only with jdk.incubator.vector");
  }

  @Test
  void screenedTopKIsBitIdenticalToScoringEveryItem() {
    int[][] shapes = {{40, 3}, {300, 1}, {517, 17}, {1203, 64}};
    long seed = 1;
    for (Kind kind : Kind.values()) {
      for (int[] shape : shapes) {
        int items = shape[0];
        MfModel model = RandomModels.of(kind, 9, items, shape[1], seed++);
        RatedItems rated = RandomModels.rated(9, items, items / 10, seed++);
        QuantizedItems quantized = QuantizedItems.of(model, VectorItemScorer.lanes());
        if (kind == Kind.NON_FINITE && quantized == null) {
          continue; // a non-finite item: only the exact path serves this model
        }
        assertNotNull(quantized, kind + " " + items);
        ScreenedTopK screen = new ScreenedTopK(model, quantized);
        Recommender reference = new Recommender(ItemScorer.withoutScreen(model), rated);
        for (int k : new int[] {1, 2, 5, items / 8}) {
          for (int u = 0; u < 9; u++) {
            for (boolean exclude : new boolean[] {false, true}) {
              TopK expected = new TopK(k);
              reference.topInto(u, exclude, expected);
              TopK actual = new TopK(k);
              boolean answered =
                  screen.topInto(u, exclude ? rated.itemsOf(u) : NONE, actual, new float[items]);
              String where = kind + " items=" + items + " k=" + k + " user=" + u;
              if (kind == Kind.OVERFLOWING || kind == Kind.NON_FINITE) {
                if (!answered) {
                  continue;
                }
              } else {
                // it declines only when fewer than k items are left (user 1 rated every item)
                boolean enoughLeft = !exclude || items - rated.itemsOf(u).length >= k;
                assertEquals(enoughLeft, answered, where);
                if (!answered) {
                  continue;
                }
              }
              assertSameTop(expected, actual, where);
            }
          }
        }
      }
    }
  }

  @Test
  void recommendationsAreTheExactOnesForEveryKindOfModelAndK() {
    long seed = 100;
    for (Kind kind : Kind.values()) {
      int items = ItemScorer.SCREEN_MIN_ITEMS + 7;
      MfModel model = RandomModels.of(kind, 6, items, 16, seed++);
      RatedItems rated = RandomModels.rated(6, items, 150, seed++);
      ItemScorer scorer = new ItemScorer(model);
      if (kind != Kind.NON_FINITE) {
        assertNotNull(scorer.quantized(), kind + ": the screen must be what is tested");
      }
      Recommender screened = new Recommender(scorer, rated);
      Recommender exact = new Recommender(ItemScorer.withoutScreen(model), rated);
      for (int k : new int[] {1, 50, items / 8, items, items + 1}) {
        for (String user : new String[] {"u0", "u1", "u2", "u5", "stranger"}) {
          for (boolean exclude : new boolean[] {false, true}) {
            Recommendation expected = exact.recommend(user, k, exclude);
            Recommendation actual = screened.recommend(user, k, exclude);
            String where = kind + " k=" + k + " " + user + " exclude=" + exclude;
            assertEquals(expected.itemIds(), actual.itemIds(), where);
            assertArrayEquals(bits(expected.ratings()), bits(actual.ratings()), where);
            assertEquals(expected.coldStart(), actual.coldStart(), where);
          }
        }
      }
    }
  }

  @Test
  void everyExactScoreLiesWithinItsScreenedBounds() {
    long seed = 200;
    for (Kind kind : new Kind[] {Kind.GAUSSIAN, Kind.TIES, Kind.HUGE, Kind.TINY, Kind.ZEROS}) {
      for (int factors : new int[] {1, 7, 64, 130}) {
        MfModel model = RandomModels.of(kind, 5, 333, factors, seed++);
        assertBoundsHold(model, kind + " factors=" + factors);
      }
    }
    for (int factors : new int[] {1, 8, 64}) {
      assertBoundsHold(midpoints(factors, seed++), "midpoints factors=" + factors);
    }
  }

  @Test
  void theScreenLeavesFewCandidatesOnAGaussianModel() {
    MfModel model = RandomModels.of(Kind.GAUSSIAN, 20, 4000, 64, 300);
    ScreenedTopK screen = new ScreenedTopK(model, QuantizedItems.of(model, 16));
    for (int u = 0; u < 20; u++) {
      assertTrue(screen.topInto(u, NONE, new TopK(50), new float[4000]));
      assertTrue(
          screen.lastCandidates() >= 50 && screen.lastCandidates() < 400,
          "user " + u + ": " + screen.lastCandidates() + " of 4000 items rescored");
    }
  }

  @Test
  void smallCatalogsAndNonFiniteItemsAreNotQuantized() {
    MfModel small = RandomModels.of(Kind.GAUSSIAN, 3, ItemScorer.SCREEN_MIN_ITEMS - 1, 8, 1);
    assertNull(new ItemScorer(small).quantized());
    MfModel large = RandomModels.of(Kind.GAUSSIAN, 3, ItemScorer.SCREEN_MIN_ITEMS, 8, 1);
    assertNotNull(new ItemScorer(large).quantized());
    assertNull(ItemScorer.withoutScreen(large).quantized());
    float[] y = large.itemFactors().clone();
    y[5] = Float.NaN;
    assertNull(
        QuantizedItems.of(withFactors(large, large.userFactors(), y), VectorItemScorer.lanes()));
    assertFalse(ScreenedTopK.worthIt(100, 13));
  }

  /**
   * Items whose components sit halfway between two int8 levels and users whose signs line up with
   * the rounding errors, so the quantization error reaches ‖x‖₁·c/2.
   */
  private static MfModel midpoints(int factors, long seed) {
    MfModel model = RandomModels.of(Kind.GAUSSIAN, 5, 333, factors, seed);
    java.util.Random random = new java.util.Random(seed);
    float[] y = model.itemFactors().clone();
    float[] x = model.userFactors().clone();
    for (int i = 0; i < 333; i++) {
      float max = (float) Math.exp(random.nextGaussian());
      float scale = max / 127;
      y[i * factors] = max;
      for (int f = 1; f < factors; f++) {
        y[i * factors + f] = (random.nextInt(254) - 127 + 0.5f) * scale;
      }
    }
    for (int u = 0; u < 5; u++) {
      for (int f = 0; f < factors; f++) {
        x[u * factors + f] = f % 2 == 0 ? 3f : -3f; // half the items see aligned errors
      }
    }
    return withFactors(model, x, y);
  }

  private static MfModel withFactors(MfModel model, float[] x, float[] y) {
    return new MfModel(
        model.users(),
        model.items(),
        model.numFactors(),
        model.globalIntercept(),
        x,
        model.userIntercepts(),
        y,
        model.itemIntercepts());
  }

  private static void assertBoundsHold(MfModel model, String where) {
    QuantizedItems quantized = QuantizedItems.of(model, VectorItemScorer.lanes());
    int padded = quantized.blocks * quantized.lanes;
    float[] upper = new float[padded];
    float[] lower = new float[padded];
    int k = model.numFactors();
    for (int u = 0; u < model.users().size(); u++) {
      double norm = 0;
      for (int f = 0; f < k; f++) {
        norm += Math.abs(model.userFactors()[u * k + f]);
      }
      float base = model.globalIntercept() + model.userIntercept(u);
      float alpha = QuantizedItems.roundUp(norm * QuantizedItems.INFLATE);
      float constant =
          QuantizedItems.roundUp(
              (2 * quantized.gamma * Math.abs(base) + quantized.underflowSlack)
                  * QuantizedItems.INFLATE);
      VectorItemScorer.screen(
          quantized, model.userFactors(), u * k, base, alpha, constant, upper, lower);
      for (int i = 0; i < model.items().size(); i++) {
        float exact = model.predict(u, i);
        assertTrue(
            lower[i] <= exact && exact <= upper[i],
            where
                + " user "
                + u
                + " item "
                + i
                + ": "
                + exact
                + " outside ["
                + lower[i]
                + ", "
                + upper[i]
                + "]");
      }
    }
  }

  private static void assertSameTop(TopK expected, TopK actual, String where) {
    int k = expected.capacity();
    int[] expectedItems = new int[k];
    float[] expectedScores = new float[k];
    int[] items = new int[k];
    float[] scores = new float[k];
    int n = expected.drainBestFirst(expectedItems, expectedScores);
    assertEquals(n, actual.drainBestFirst(items, scores), where);
    assertArrayEquals(expectedItems, items, where);
    assertArrayEquals(bits(expectedScores), bits(scores), where);
  }

  private static int[] bits(float[] values) {
    int[] bits = new int[values.length];
    for (int n = 0; n < values.length; n++) {
      bits[n] = Float.floatToRawIntBits(values[n]);
    }
    return bits;
  }
}
