package io.recopipe.model.als;

/**
 * Solves the small symmetric positive-definite systems of ALS's normal equations (and factors the
 * Gibbs sampler's conditional precisions) in double precision; the factorization is row-oriented
 * ({@code A = UᵀU}, U upper, row-major) so that its inner loops are contiguous and vectorize, with
 * the Vector API when it is present and the rows are padded to its lane count. Updates are fused
 * multiply-adds in a fixed order, so results do not depend on whether SIMD is used. The hybrid's
 * ridge regression solves its normal equations with it too.
 */
public final class Cholesky {
  private Cholesky() {}

  /** The row stride to store a d×d system with: padded to the SIMD lane count when it is used. */
  static int stride(int d) {
    int lanes = lanes();
    return (d + lanes - 1) / lanes * lanes;
  }

  /** The SIMD lane count rows are padded to (1 without the Vector API). */
  static int lanes() {
    return GramKernel.VECTOR_API ? VectorCholeskyKernel.lanes() : 1;
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

  /**
   * Solves {@code A x = b} with b stored as column d of {@code a} (d rows of {@code stride > d},
   * upper triangle read): factoring the augmented rows also runs the forward substitution, so
   * column d ends as {@code z = U⁻ᵀ b}; then {@code U x = z} is solved column by column into {@code
   * x}. The upper triangle is left holding U.
   *
   * @return false when the matrix is not positive definite (a zero or negative pivot)
   */
  static boolean solveAugmented(double[] a, double[] x, int d, int stride) {
    if (stride <= d) {
      throw new IllegalArgumentException(
          "stride " + stride + " leaves no column for b (d=" + d + ")");
    }
    if (!factor(a, d, d + 1, stride)) {
      return false;
    }
    for (int i = 0; i < d; i++) {
      x[i] = a[i * stride + d];
    }
    // Column-oriented back substitution: d independent fused chains instead of one long one.
    for (int j = d - 1; j >= 0; j--) {
      double xj = x[j] / a[j * stride + j];
      x[j] = xj;
      for (int i = 0, at = j; i < j; i++, at += stride) {
        x[i] = Math.fma(-a[at], xj, x[i]);
      }
    }
    return true;
  }

  /** {@link #factorInPlace(double[], int, int)} for an unpadded d×d matrix. */
  static boolean factorInPlace(double[] a, int d) {
    return factorInPlace(a, d, d);
  }

  /**
   * Factors {@code a} (d rows of {@code stride}, upper triangle read) in place into U with {@code A
   * = UᵀU}.
   *
   * @return false when the matrix is not positive definite (a zero or negative pivot)
   */
  static boolean factorInPlace(double[] a, int d, int stride) {
    return factor(a, d, d, stride);
  }

  /**
   * Factors the first d columns and carries the updates through {@code columns ≥ d} columns; per
   * element both paths subtract the same fused products in the same order (increasing pivot row),
   * so the SIMD and scalar factors are bit-identical.
   */
  private static boolean factor(double[] a, int d, int columns, int stride) {
    if (KernelWarmup.vectorKernels() && stride % VectorCholeskyKernel.lanes() == 0) {
      return factorSimd(a, d, stride);
    }
    return factorScalar(a, d, columns, stride);
  }

  /**
   * The scalar right-looking factorization. Each update is written as {@code −fma(u, w, −s)}, which
   * equals {@code s − u·w} rounded once, with the SIMD kernel's sign for exact zeros.
   */
  static boolean factorScalar(double[] a, int d, int columns, int stride) {
    for (int j = 0; j < d; j++) {
      int rowJ = j * stride;
      double pivot = a[rowJ + j];
      if (!(pivot > 0)) {
        return false;
      }
      double diag = Math.sqrt(pivot);
      double inv = 1.0 / diag;
      a[rowJ + j] = diag;
      for (int c = j + 1; c < columns; c++) {
        a[rowJ + c] *= inv;
      }
      for (int i = j + 1; i < d; i++) {
        double uji = a[rowJ + i];
        int rowI = i * stride;
        for (int c = i; c < columns; c++) {
          a[rowI + c] = -Math.fma(uji, a[rowJ + c], -a[rowI + c]);
        }
      }
    }
    return true;
  }

  /**
   * Left-looking, four rows at a time: each block of rows receives the updates of all earlier
   * blocks in one register-blocked pass, then the updates from within the block, row by row. Needs
   * the Vector API and a stride that is a multiple of its lane count.
   */
  static boolean factorSimd(double[] a, int d, int stride) {
    int i = 0;
    for (; i + 4 <= d; i += 4) {
      VectorCholeskyKernel.accumulateFour(a, i, stride);
      for (int r = i; r < i + 4; r++) {
        for (int m = i; m < r; m++) {
          VectorCholeskyKernel.subtractRow(a, m, r, stride);
        }
        if (!pivotRow(a, r, stride)) {
          return false;
        }
      }
    }
    for (; i < d; i++) {
      for (int m = 0; m < i; m++) {
        VectorCholeskyKernel.subtractRow(a, m, i, stride);
      }
      if (!pivotRow(a, i, stride)) {
        return false;
      }
    }
    return true;
  }

  private static boolean pivotRow(double[] a, int r, int stride) {
    int at = r * stride + r;
    double pivot = a[at];
    if (!(pivot > 0)) {
      return false;
    }
    double diag = Math.sqrt(pivot);
    VectorCholeskyKernel.scaleRow(a, r, stride, 1.0 / diag);
    a[at] = diag;
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
