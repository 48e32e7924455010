package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CholeskyTest {

  @Test
  void solvesASymmetricPositiveDefiniteSystem() {
    // A = [[4,2,0],[2,5,1],[0,1,3]], x = [1,-2,3] → b = A x = [0,-5,7]
    double[] a = {4, 2, 0, 0, 5, 1, 0, 0, 3}; // only the upper triangle is read
    double[] b = {0, -5, 7};
    assertTrue(Cholesky.solveInPlace(a, b, 3));
    assertArrayEquals(new double[] {1, -2, 3}, b, 1e-12);
  }

  @Test
  void reportsANonPositiveDefiniteMatrix() {
    double[] a = {1, 2, 0, 1}; // [[1,2],[2,1]] has eigenvalues 3 and -1
    assertFalse(Cholesky.solveInPlace(a, new double[] {1, 1}, 2));
  }

  @Test
  void paddedVectorPathGivesBitIdenticalSolutionsToTheScalarPath() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int d : new int[] {3, 21, 35, 65}) {
      int stride = Cholesky.stride(d);
      double[] padded = new double[d * stride];
      double[] plain = new double[d * d];
      for (int n = 0; n < 3 * d; n++) {
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
          y[i] = random.nextGaussian();
        }
        for (int i = 0; i < d; i++) {
          for (int j = i; j < d; j++) {
            padded[i * stride + j] += y[i] * y[j];
            plain[i * d + j] += y[i] * y[j];
          }
        }
      }
      for (int i = 0; i < d; i++) {
        padded[i * stride + i] += 1;
        plain[i * d + i] += 1;
      }
      double[] x1 = new double[d];
      double[] x2 = new double[d];
      for (int i = 0; i < d; i++) {
        x1[i] = x2[i] = random.nextGaussian();
      }
      assertTrue(Cholesky.solveInPlace(padded, x1, d, stride));
      assertTrue(Cholesky.solveInPlace(plain, x2, d, d)); // unpadded: always the scalar loop
      assertArrayEquals(x2, x1, 0.0, "d=" + d);
    }
  }
}
