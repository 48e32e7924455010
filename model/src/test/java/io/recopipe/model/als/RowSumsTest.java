package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RowSumsTest {

  @Test
  void sumsTheTileColumnsInOrderBitForBit() {
    SplittableRandom random = new SplittableRandom(11);
    for (int k : new int[] {3, 8, 34, 64, 70}) {
      int stride = GramKernel.stride(2 * k);
      for (int n : new int[] {0, 1, 5, 40}) {
        float[] tile = new float[n * stride];
        for (int c = 0; c < tile.length; c++) {
          tile[c] = (float) random.nextGaussian();
        }
        for (boolean vector : new boolean[] {false, GramKernel.VECTOR_API}) {
          double[] out = new double[k];
          java.util.Arrays.fill(out, 7);
          RowSums.columns(tile, k, stride, n, k, out, vector);
          for (int f = 0; f < k; f++) {
            double expected = 0;
            for (int e = 0; e < n; e++) {
              expected += tile[e * stride + k + f];
            }
            assertEquals(expected, out[f], 0.0, "k=" + k + " n=" + n + " f=" + f + " " + vector);
          }
        }
      }
    }
  }
}
