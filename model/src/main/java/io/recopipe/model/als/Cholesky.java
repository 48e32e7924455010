package io.recopipe.model.als;

/**
 * Solves the small symmetric positive-definite systems of ALS's normal equations (and factors the
 * Gibbs sampler's conditional precisions) in double precision; the factorization is row-oriented
 * ({@code A = UᵀU}, U upper, row-major) so that its inner loops are contiguous and vectorize, with
 * the Vector API when it is present and the rows are padded to its lane count. The hybrid's ridge
 * regression solves its normal equations with it too.
 */
public final class Cholesky {
  private Cholesky() {
  }

  /** The row stride to store a d×d system with: padded to the SIMD lane count when it is used. */
  static int stride(int d) {
    int lanes = GramKernel.VECTOR_API ? VectorCholeskyKernel.lanes() : 1;
    return (d + lanes - 1) / lanes * lanes;
  }

  /**
   * Factors the unpadded d×d row-major {@code a} (upper triangle read) in place and overwrites
   * {@code rhs} with the solution of {@code A x = rhs}.
   *
   * @return false when the matrix is not positive definite (a zero or negative pivot)
   */
  public static boolean solveInPlace(double[] a, double[] rhs, int d) {
    return solveInPlace(a, rhs, d, d);
  }

  /**
   * Factors {@code a} (d rows of {@code stride}, upper triangle read) in place into U and solves
   * {@code A x = rhs}, overwriting {@code rhs} with x.
   *
   * @return false when the matrix is not positive definite (a zero or negative pivot)
   */
  static boolean solveInPlace(double[] a, double[] rhs, int d, int stride) {
    if (!factorInPlace(a, d, stride)) {
      return false;
    }
    // Uᵀ z = rhs (forward), then U x = z (backward).
    for (int j = 0; j < d; j++) {
      int rowJ = j * stride;
      double z = rhs[j] / a[rowJ + j];
      rhs[j] = z;
      for (int c = j + 1; c < d; c++) {
        rhs[c] -= a[rowJ + c] * z;
      }
    }
    solveUpper(a, rhs, d, stride);
    return true;
  }

  /** {@link #factorInPlace(double[], int, int)} for an unpadded d×d matrix. */
  static boolean factorInPlace(double[] a, int d) {
    return factorInPlace(a, d, d);
  }

  /**
   * Factors {@code a} (d rows of {@code stride}, upper triangle read) in place into U with
   * {@code A = UᵀU}.
   *
   * @return false when the matrix is not positive definite (a zero or negative pivot)
   */
  static boolean factorInPlace(double[] a, int d, int stride) {
    boolean vector = GramKernel.VECTOR_API && stride % VectorCholeskyKernel.lanes() == 0;
    for (int j = 0; j < d; j++) {
      int rowJ = j * stride;
      if (vector) {
        // left-looking: row j receives all of its updates only now, in the same order
        VectorCholeskyKernel.accumulateRow(a, j, stride);
      }
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
      if (!vector) {
        for (int i = j + 1; i < d; i++) {
          double uji = a[rowJ + i];
          int rowI = i * stride;
          for (int c = i; c < d; c++) {
            a[rowI + c] -= uji * a[rowJ + c];
          }
        }
      }
    }
    return true;
  }

  /** {@link #solveUpper(double[], double[], int, int)} for an unpadded d×d factor. */
  static void solveUpper(double[] u, double[] rhs, int d) {
    solveUpper(u, rhs, d, d);
  }

  /**
   * Solves {@code U x = rhs} for a factor U from {@link #factorInPlace}, overwriting {@code rhs};
   * with standard normal {@code rhs} this draws x ~ N(0, A⁻¹), which is how samplers use it.
   */
  static void solveUpper(double[] u, double[] rhs, int d, int stride) {
    for (int j = d - 1; j >= 0; j--) {
      int rowJ = j * stride;
      double sum = rhs[j];
      for (int c = j + 1; c < d; c++) {
        sum -= u[rowJ + c] * rhs[c];
      }
      rhs[j] = sum / u[rowJ + j];
    }
  }
}
