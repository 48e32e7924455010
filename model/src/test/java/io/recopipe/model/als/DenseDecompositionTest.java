package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Householder QR and one-sided Jacobi SVD, the small dense algebra of the Gibbs compression. */
class DenseDecompositionTest {

  @Test
  void qrReconstructsWithOrthonormalQAndTriangularR() {
    double[][] a = random(40, 7, 1);
    HouseholderQr qr = new HouseholderQr(a, 40);
    assertEquals(7, qr.rank());
    double[][] q = qr.applyQ(identity(7));
    assertOrthonormal(q);
    double[][] r = qr.r();
    for (int i = 0; i < 7; i++) {
      for (int c = 0; c < i; c++) {
        assertEquals(0.0, r[i][c], "R below the diagonal at " + i + "," + c);
      }
    }
    for (int c = 0; c < 7; c++) {
      for (int row = 0; row < 40; row++) {
        double sum = 0;
        for (int i = 0; i < 7; i++) {
          sum += q[i][row] * r[i][c];
        }
        assertEquals(a[c][row], sum, 1e-12, "QR at " + row + "," + c);
      }
    }
  }

  @Test
  void qrOfAWideMatrixKeepsItsRowsAsRank() {
    double[][] a = random(3, 5, 2);
    HouseholderQr qr = new HouseholderQr(a, 3);
    assertEquals(3, qr.rank());
    assertOrthonormal(qr.applyQ(identity(3)));
    assertEquals(5, qr.r()[0].length);
  }

  @Test
  void svdHasOrthonormalVectorsDescendingValuesAndReconstructs() {
    double[][] m = random(9, 6, 3);
    JacobiSvd svd = JacobiSvd.of(m, 9);
    assertOrthonormal(svd.left());
    assertOrthonormal(svd.right());
    for (int i = 1; i < 6; i++) {
      assertTrue(svd.values()[i] <= svd.values()[i - 1], "descending at " + i);
    }
    assertEquals(0, frobenius(minus(m, rankR(svd, 6, 9))), 1e-12);
  }

  @Test
  void truncationErrorIsTheRootSumOfSquaresOfTheDroppedValues() {
    double[][] m = random(12, 10, 4);
    JacobiSvd svd = JacobiSvd.of(m, 12);
    for (int r = 1; r < 10; r++) {
      double tail = 0;
      for (int i = r; i < 10; i++) {
        tail += svd.values()[i] * svd.values()[i];
      }
      assertEquals(
          Math.sqrt(tail),
          frobenius(minus(m, rankR(svd, r, 12))),
          1e-12,
          "Eckart–Young error at rank " + r);
    }
  }

  @Test
  void bothDecompositionsAreBitDeterministic() {
    double[][] m = random(30, 8, 5);
    JacobiSvd first = JacobiSvd.of(m, 30);
    JacobiSvd second = JacobiSvd.of(m, 30);
    assertArrayEquals(first.values(), second.values());
    for (int i = 0; i < 8; i++) {
      assertArrayEquals(first.left()[i], second.left()[i]);
      assertArrayEquals(first.right()[i], second.right()[i]);
    }
    assertArrayEquals(new HouseholderQr(m, 30).r()[3], new HouseholderQr(m, 30).r()[3]);
  }

  static double[][] random(int rows, int cols, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] columns = new double[cols][rows];
    for (double[] column : columns) {
      for (int i = 0; i < rows; i++) {
        column[i] = random.nextDouble(-1, 1);
      }
    }
    return columns;
  }

  private static double[][] identity(int n) {
    double[][] columns = new double[n][n];
    for (int i = 0; i < n; i++) {
      columns[i][i] = 1;
    }
    return columns;
  }

  private static void assertOrthonormal(double[][] columns) {
    for (int a = 0; a < columns.length; a++) {
      for (int b = 0; b < columns.length; b++) {
        double dot = 0;
        for (int i = 0; i < columns[a].length; i++) {
          dot += columns[a][i] * columns[b][i];
        }
        assertEquals(a == b ? 1 : 0, dot, 1e-12, "column " + a + " . column " + b);
      }
    }
  }

  /** Columns of Σ_{i<r} σ_i u_i v_iᵀ. */
  private static double[][] rankR(JacobiSvd svd, int r, int rows) {
    int cols = svd.right()[0].length;
    double[][] out = new double[cols][rows];
    for (int i = 0; i < r; i++) {
      for (int c = 0; c < cols; c++) {
        for (int row = 0; row < rows; row++) {
          out[c][row] += svd.values()[i] * svd.left()[i][row] * svd.right()[i][c];
        }
      }
    }
    return out;
  }

  private static double[][] minus(double[][] a, double[][] b) {
    double[][] out = new double[a.length][];
    for (int c = 0; c < a.length; c++) {
      out[c] = new double[a[c].length];
      for (int i = 0; i < a[c].length; i++) {
        out[c][i] = a[c][i] - b[c][i];
      }
    }
    return out;
  }

  private static double frobenius(double[][] columns) {
    double sum = 0;
    for (double[] column : columns) {
      for (double x : column) {
        sum += x * x;
      }
    }
    return Math.sqrt(sum);
  }
}
