package io.recopipe.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Quickselect median against sorting, on shapes that trip naive partitions. */
class MedianTest {

  private static double sortedMedian(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  @Test
  void matchesSortingOnRandomAndDegenerateInputs() {
    Random random = new Random(42);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + random.nextInt(200);
      double[] values = new double[n];
      int shape = trial % 4;
      for (int r = 0; r < n; r++) {
        values[r] =
            switch (shape) {
              case 0 -> random.nextDouble();
              case 1 -> random.nextInt(3); // many ties
              case 2 -> r; // ascending
              default -> n - r; // descending
            };
      }
      double expected = sortedMedian(values);
      assertEquals(expected, Median.ofInPlace(values.clone(), n), "trial " + trial);
    }
  }

  @Test
  void nanPoisonsTheMedian() {
    assertTrue(Double.isNaN(Median.ofInPlace(new double[] {1, Double.NaN, 3}, 3)));
  }
}
