package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RowSumsTest {

  @Test
  void sumsTheGatheredRowsInOrderBitForBit() {
    SplittableRandom random = new SplittableRandom(11);
    for (int k : new int[] {3, 8, 34, 64, 70}) {
      int rows = 50;
      float[] source = new float[rows * k];
      for (int n = 0; n < source.length; n++) {
        source[n] = (float) random.nextGaussian();
      }
      int[] columns = new int[40];
      for (int e = 0; e < columns.length; e++) {
        columns[e] = random.nextInt(rows);
      }
      double[] out = new double[k];
      RowSums.of(source, columns, 5, 37, k, out);
      for (int f = 0; f < k; f++) {
        double expected = 0;
        for (int e = 5; e < 37; e++) {
          expected += source[columns[e] * k + f];
        }
        assertEquals(expected, out[f], 0.0, "k=" + k + " f=" + f);
      }
    }
  }

  @Test
  void anEmptyRangeSumsToZero() {
    double[] out = {7, 7, 7};
    RowSums.of(new float[] {1, 2, 3}, new int[] {0}, 0, 0, 3, out);
    assertEquals(0.0, out[0] + out[1] + out[2], 0.0);
  }
}
