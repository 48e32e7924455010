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
}
