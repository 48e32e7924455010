package io.recopipe.model.scoring;

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
        assertEquals(sorted[rank], Recommender.select(copy, count, rank),
            "round " + round + " rank " + rank);
      }
    }
  }
}
