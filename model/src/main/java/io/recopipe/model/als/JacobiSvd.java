package io.recopipe.model.als;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The singular value decomposition M = U Σ Vᵀ of a small dense matrix by one-sided Jacobi rotations
 * (Hestenes 1958; Demmel &amp; Veselić 1992, "Jacobi's method is more accurate than QR"): pairs of
 * columns of M are rotated until all are orthogonal, the rotations accumulate in V, and the final
 * column norms are the singular values. It exists because it is short, needs no library (the model
 * module has no dependencies), and is accurate for the small singular values too; the matrices here
 * are at most a few hundred wide. Fixed sweep order, single thread: bit-deterministic.
 *
 * @param values singular values, descending (ties keep column order)
 * @param left the left singular vectors, one column (of M's rows) per value
 * @param right the right singular vectors, one column (of M's columns) per value
 */
record JacobiSvd(double[] values, double[][] left, double[][] right) {
  /** Sweeps after which the rotations stop even if not every pair is orthogonal to rounding. */
  static final int MAX_SWEEPS = 60;

  private static final double TOLERANCE = 1e-15;

  /** Decomposes the {@code rows} × {@code columns.length} matrix with these columns. */
  static JacobiSvd of(double[][] columns, int rows) {
    int n = columns.length;
    double[][] a = new double[n][];
    double[][] v = new double[n][n];
    for (int c = 0; c < n; c++) {
      a[c] = columns[c].clone();
      v[c][c] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      boolean rotated = false;
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          rotated |= orthogonalize(a[p], a[q], v[p], v[q], rows);
        }
      }
      if (!rotated) {
        break;
      }
    }
    double[] norms = new double[n];
    for (int c = 0; c < n; c++) {
      norms[c] = Math.sqrt(dot(a[c], a[c], rows));
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -norms[c]));
    double[] values = new double[n];
    double[][] left = new double[n][];
    double[][] right = new double[n][];
    for (int i = 0; i < n; i++) {
      int c = order[i];
      values[i] = norms[c];
      left[i] = new double[rows];
      if (norms[c] > 0) {
        for (int r = 0; r < rows; r++) {
          left[i][r] = a[c][r] / norms[c];
        }
      }
      right[i] = v[c];
    }
    return new JacobiSvd(values, left, right);
  }

  /** Rotates columns x and y (and V's) to be orthogonal; false when they already are. */
  private static boolean orthogonalize(double[] x, double[] y, double[] vx, double[] vy, int rows) {
    double alpha = dot(x, x, rows);
    double beta = dot(y, y, rows);
    double gamma = dot(x, y, rows);
    if (gamma == 0 || Math.abs(gamma) <= TOLERANCE * Math.sqrt(alpha * beta)) {
      return false;
    }
    // The rotation that zeroes the off-diagonal entry of [[α, γ], [γ, β]].
    double zeta = (beta - alpha) / (2 * gamma);
    double t = Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
    double c = 1 / Math.sqrt(1 + t * t);
    double s = c * t;
    rotate(x, y, c, s, rows);
    rotate(vx, vy, c, s, vx.length);
    return true;
  }

  private static void rotate(double[] x, double[] y, double c, double s, int length) {
    for (int i = 0; i < length; i++) {
      double xi = x[i];
      double yi = y[i];
      x[i] = c * xi - s * yi;
      y[i] = s * xi + c * yi;
    }
  }

  private static double dot(double[] x, double[] y, int length) {
    double sum = 0;
    for (int i = 0; i < length; i++) {
      sum += x[i] * y[i];
    }
    return sum;
  }
}
