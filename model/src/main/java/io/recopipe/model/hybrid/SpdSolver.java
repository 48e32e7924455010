package io.recopipe.model.hybrid;

/**
 * Solves one symmetric positive-definite system by Cholesky factorization ({@code A = UᵀU}), in
 * double precision; the ALS package's solver is tuned for many tiny padded systems and is
 * package-private, while the hybrid solves one system of a few hundred unknowns.
 */
final class SpdSolver {
  private SpdSolver() {
  }

  /**
   * Factors {@code a} (d×d row-major, upper triangle read) in place and overwrites {@code rhs}
   * with the solution of {@code A x = rhs}.
   *
   * @return false when a pivot is not positive (the matrix is not positive definite)
   */
  static boolean solveInPlace(double[] a, double[] rhs, int d) {
    for (int j = 0; j < d; j++) {
      int rowJ = j * d;
      double pivot = a[rowJ + j];
      if (!(pivot > 0)) {
        return false;
      }
      double diag = Math.sqrt(pivot);
      a[rowJ + j] = diag;
      for (int c = j + 1; c < d; c++) {
        a[rowJ + c] /= diag;
      }
      for (int i = j + 1; i < d; i++) {
        double uji = a[rowJ + i];
        if (uji == 0) {
          continue;
        }
        int rowI = i * d;
        for (int c = i; c < d; c++) {
          a[rowI + c] -= uji * a[rowJ + c];
        }
      }
    }
    for (int j = 0; j < d; j++) {
      int rowJ = j * d;
      double z = rhs[j] / a[rowJ + j];
      rhs[j] = z;
      for (int c = j + 1; c < d; c++) {
        rhs[c] -= a[rowJ + c] * z;
      }
    }
    for (int j = d - 1; j >= 0; j--) {
      int rowJ = j * d;
      double sum = rhs[j];
      for (int c = j + 1; c < d; c++) {
        sum -= a[rowJ + c] * rhs[c];
      }
      rhs[j] = sum / a[rowJ + j];
    }
    return true;
  }
}
