package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CgKernelTest {
  @Test
  void vectorAndScalarDotProductsAreBitIdentical() {
    SplittableRandom random = new SplittableRandom(5);
    for (int k : new int[] {1, 7, 8, 13, 64, 67}) {
      float[] a = new float[k + 5];
      float[] b = new float[k];
      for (int n = 0; n < a.length; n++) {
        a[n] = (float) random.nextGaussian();
      }
      for (int n = 0; n < k; n++) {
        b[n] = (float) random.nextGaussian();
      }
      float[] acc = new float[CgKernel.LANES];
      int f = 0;
      for (; f + CgKernel.LANES <= k; f += CgKernel.LANES) {
        for (int l = 0; l < CgKernel.LANES; l++) {
          acc[l] = acc[l] + a[5 + f + l] * b[f + l];
        }
      }
      float scalar = CgKernel.finish(acc, a, 5, b, f, k);
      assertEquals(
          Float.floatToIntBits(scalar), Float.floatToIntBits(CgKernel.dot(a, 5, b, k)), "k=" + k);
      double exact = 0;
      for (int n = 0; n < k; n++) {
        exact += (double) a[5 + n] * b[n];
      }
      assertEquals(exact, scalar, 1e-4 * Math.max(1, Math.abs(exact)));
    }
  }
}
