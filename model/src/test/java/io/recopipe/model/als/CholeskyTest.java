package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
  void simdFactorIsBitIdenticalToTheScalarFactor() {
    assumeTrue(GramKernel.VECTOR_API, "jdk.incubator.vector is not in this JVM");
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int d : new int[] {3, 4, 21, 35, 65, 66}) {
      int stride = Cholesky.stride(d + 1);
      double[] simd = new double[d * stride];
      for (int n = 0; n < 3 * d; n++) {
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
          // some exact zeros, so signed-zero results are exercised too
          y[i] = random.nextInt(4) == 0 ? 0 : random.nextGaussian();
        }
        for (int i = 0; i < d; i++) {
          for (int j = i; j < d; j++) {
            simd[i * stride + j] += y[i] * y[j];
          }
        }
      }
      for (int i = 0; i < d; i++) {
        simd[i * stride + i] += 1;
        simd[i * stride + d] = random.nextGaussian();
      }
      double[] scalar = simd.clone();
      assertTrue(Cholesky.factorSimd(simd, d, stride));
      assertTrue(Cholesky.factorScalar(scalar, d, d + 1, stride));
      for (int i = 0; i < d; i++) {
        for (int j = i; j <= d; j++) {
          org.junit.jupiter.api.Assertions.assertEquals(
              Double.doubleToRawLongBits(scalar[i * stride + j]),
              Double.doubleToRawLongBits(simd[i * stride + j]),
              "d=" + d + " U[" + i + "][" + j + "]");
        }
      }
    }
  }

  @Test
  void augmentedSolveMatchesADoublePrecisionReferenceOnBothPaths() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    for (int d : new int[] {1, 3, 4, 8, 19, 21, 65, 66}) {
      double[][] full = new double[d][d];
      for (int n = 0; n < 2 * d; n++) {
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
          y[i] = random.nextGaussian();
        }
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < d; j++) {
            full[i][j] += y[i] * y[j];
          }
        }
      }
      double[] b = new double[d];
      for (int i = 0; i < d; i++) {
        full[i][i] += 1;
        b[i] = random.nextGaussian();
      }
      double[] x1 = solveAugmented(full, b, Cholesky.stride(d + 1));
      double[] x2 = solveAugmented(full, b, d + 1);
      assertArrayEquals(x2, x1, 0.0, "d=" + d + ": the stride changed the solution");
      // the residual of the double system stays at rounding level
      for (int i = 0; i < d; i++) {
        double row = 0;
        double magnitude = Math.abs(b[i]);
        for (int j = 0; j < d; j++) {
          row += full[i][j] * x1[j];
          magnitude += Math.abs(full[i][j] * x1[j]);
        }
        org.junit.jupiter.api.Assertions.assertEquals(
            b[i], row, 1e-12 * magnitude, "d=" + d + " row " + i);
      }
    }
  }

  @Test
  void augmentedSolveReportsANonPositiveDefiniteMatrixAndNeedsAColumnForB() {
    int stride = Cholesky.stride(3);
    double[] a = new double[2 * stride];
    a[0] = 1;
    a[1] = 2;
    a[stride + 1] = 1;
    assertFalse(Cholesky.solveAugmented(a, new double[2], 2, stride));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> Cholesky.solveAugmented(new double[4], new double[2], 2, 2));
  }

  private static double[] solveAugmented(double[][] full, double[] b, int stride) {
    int d = b.length;
    double[] a = new double[d * stride];
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        a[i * stride + j] = full[i][j];
      }
      a[i * stride + d] = b[i];
    }
    double[] x = new double[d];
    assertTrue(Cholesky.solveAugmented(a, x, d, stride));
    return x;
  }
}
