package io.recopipe.model.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LowerBoundSelectTest {
  @Test
  void selectFindsWhatSortingPutsAtEveryRank() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      int count = 1 + random.nextInt(120);
      float[] values = new float[count + 3];
      for (int n = 0; n < values.length; n++) {
        // few distinct values in some rounds: ties must not break the selection
        values[n] = round % 3 == 0 ? random.nextInt(4) : (float) random.nextGaussian();
        if (random.nextInt(20) == 0) {
          values[n] = Float.NEGATIVE_INFINITY;
        }
      }
      float[] sorted = Arrays.copyOf(values, count);
      Arrays.sort(sorted);
      for (int rank = 0; rank < count; rank++) {
        float[] copy = values.clone();
        assertEquals(
            sorted[rank],
            Recommender.select(copy, count, rank),
            "round " + round + " rank " + rank);
      }
    }
  }

  @Test
  void groupMaximaSkipNanAndMatchTheStridedDefinition() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      int groups = 16 * (1 + random.nextInt(8));
      int count = random.nextInt(groups * 20);
      float[] scores = new float[count + 5];
      for (int n = 0; n < scores.length; n++) {
        scores[n] = random.nextInt(10) == 0 ? Float.NaN : (float) random.nextGaussian();
      }
      float[] expected = new float[groups];
      Arrays.fill(expected, Float.NEGATIVE_INFINITY);
      for (int n = 0; n < count; n++) {
        if (scores[n] > expected[n % groups]) {
          expected[n % groups] = scores[n];
        }
      }
      float[] maxima = new float[groups + 3];
      Recommender.groupMaxima(scores, count, maxima, groups);
      assertArrayEquals(expected, Arrays.copyOf(maxima, groups), "round " + round);
    }
  }

  @Test
  void takingTheBestOfSortedKeysRanksAsOfferingOneByOne() {
    Random random = new Random(5);
    for (int round = 0; round < 200; round++) {
      int count = 1 + random.nextInt(300);
      int k = 1 + random.nextInt(60);
      float[] scores = new float[count];
      for (int n = 0; n < count; n++) {
        // ties, signed zeros, infinities and NaN (never taken)
        scores[n] =
            switch (random.nextInt(8)) {
              case 0 -> -0f;
              case 1 -> 0f;
              case 2 -> Float.NaN;
              case 3 -> random.nextBoolean() ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
              default -> random.nextInt(5);
            };
      }
      TopK one = new TopK(k);
      long[] keys = new long[count];
      int candidates = 0;
      for (int n = 0; n < count; n++) {
        one.offer(n, scores[n]);
        if (!Float.isNaN(scores[n])) {
          keys[candidates++] = TopK.key(scores[n], n);
        }
      }
      TopK bulk = new TopK(k);
      bulk.takeBest(keys, candidates, scores);
      int[] expectedItems = new int[k];
      float[] expectedScores = new float[k];
      int[] items = new int[k];
      float[] taken = new float[k];
      assertEquals(
          one.drainBestFirst(expectedItems, expectedScores), bulk.drainBestFirst(items, taken));
      assertArrayEquals(expectedItems, items, "round " + round);
      for (int n = 0; n < k; n++) {
        assertEquals(Float.floatToRawIntBits(expectedScores[n]), Float.floatToRawIntBits(taken[n]));
      }
    }
  }
}
