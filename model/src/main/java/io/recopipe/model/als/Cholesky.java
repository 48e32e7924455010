package io.recopipe.model.als;

/**
 * Solves the small symmetric positive-definite systems of ALS's normal equations in double
 * precision; the factorization is row-oriented ({@code A = UᵀU}, U upper, row-major) so that its
 * inner loops are contiguous axpys the JIT vectorizes.
 */
final class Cholesky {
  private Cholesky() {
  }

  /**
   * Factors {@code a} (d×d row-major, upper triangle read) in place into U and solves
   * {@code A x = rhs}, overwriting {@code rhs} with x.
   *
   * @return false when the matrix is not positive definite (a zero or negative pivot)
   */
  static boolean solveInPlace(double[] a, double[] rhs, int d) {
    if (!factorInPlace(a, d)) {
      return false;
    }
    // Uᵀ z = rhs (forward), then U x = z (backward).
    for (int j = 0; j < d; j++) {
      int rowJ = j * d;
      double z = rhs[j] / a[rowJ + j];
      rhs[j] = z;
      for (int c = j + 1; c < d; c++) {
        rhs[c] -= a[rowJ + c] * z;
      }
    }
    solveUpper(a, rhs, d);
    return true;
  }

  /**
   * Factors {@code a} (d×d row-major, upper triangle read) in place into U with {@code A = UᵀU}.
   *
   * @return false when the matrix is not positive definite (a zero or negative pivot)
   */
  static boolean factorInPlace(double[] a, int d) {
    for (int j = 0; j < d; j++) {
      int rowJ = j * d;
      double pivot = a[rowJ + j];
      if (!(pivot > 0)) {
        return false;
      }
      double diag = Math.sqrt(pivot);
      double inv = 1.0 / diag;
      a[rowJ + j] = diag;
      for (int c = j + 1; c < d; c++) {
        a[rowJ + c] *= inv;
      }
      for (int i = j + 1; i < d; i++) {
        double uji = a[rowJ + i];
        int rowI = i * d;
        for (int c = i; c < d; c++) {
          a[rowI + c] -= uji * a[rowJ + c];
        }
      }
    }
    return true;
  }

  /**
   * Solves {@code U x = rhs} for a factor U from {@link #factorInPlace}, overwriting {@code rhs};
   * with standard normal {@code rhs} this draws x ~ N(0, A⁻¹), which is how samplers use it.
   */
  static void solveUpper(double[] u, double[] rhs, int d) {
    for (int j = d - 1; j >= 0; j--) {
      int rowJ = j * d;
      double sum = rhs[j];
      for (int c = j + 1; c < d; c++) {
        sum -= u[rowJ + c] * rhs[c];
      }
      rhs[j] = sum / u[rowJ + j];
    }
  }
}
