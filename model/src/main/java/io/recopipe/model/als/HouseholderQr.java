package io.recopipe.model.als;

/**
 * The thin QR factorization A = QR of a tall matrix by Householder reflections (Golub &amp; Van
 * Loan, "Matrix Computations", §5.2), kept as its reflectors; it exists so the Gibbs export
 * compression ({@link PosteriorMeanCompression}) can reduce the n × S·k packed factors to a small
 * S·k × S·k problem with an orthonormal basis that is exact to rounding, which the normal equations
 * (AᵀA) would not be. Q is never formed: {@link #applyQ} multiplies by it.
 *
 * <p>The matrix is given column by column (each column contiguous), so every reflector works on
 * contiguous memory. Single-threaded and in a fixed order, hence bit-deterministic.
 */
final class HouseholderQr {
  private final int rows;
  private final int cols;
  private final int rank;

  /** The reflected columns: R above the diagonal, the reflectors' tails below it. */
  private final double[][] work;

  /** Each reflector's head v₀ (v = [v₀, tail]) and its scale 2 / vᵀv (0 for the identity). */
  private final double[] heads;

  private final double[] betas;
  private final double[] diagonal;

  /** Factorizes the {@code rows} × {@code columns.length} matrix with these columns. */
  HouseholderQr(double[][] columns, int rows) {
    this.rows = rows;
    this.cols = columns.length;
    this.rank = Math.min(rows, cols);
    this.work = new double[cols][];
    for (int c = 0; c < cols; c++) {
      if (columns[c].length != rows) {
        throw new IllegalArgumentException(
            "column " + c + " has " + columns[c].length + " rows, expected " + rows);
      }
      work[c] = columns[c].clone();
    }
    this.heads = new double[rank];
    this.betas = new double[rank];
    this.diagonal = new double[rank];
    for (int j = 0; j < rank; j++) {
      reflect(j);
    }
  }

  private void reflect(int j) {
    double[] x = work[j];
    double norm = 0;
    for (int i = j; i < rows; i++) {
      norm += x[i] * x[i];
    }
    norm = Math.sqrt(norm);
    if (norm == 0) {
      diagonal[j] = 0;
      return;
    }
    // v = x + sign(x₀)·‖x‖·e₀ avoids cancellation; H x = −sign(x₀)·‖x‖·e₀.
    double alpha = x[j] >= 0 ? -norm : norm;
    double head = x[j] - alpha;
    double vtv = head * head;
    for (int i = j + 1; i < rows; i++) {
      vtv += x[i] * x[i];
    }
    heads[j] = head;
    betas[j] = vtv == 0 ? 0 : 2 / vtv;
    diagonal[j] = alpha;
    for (int c = j + 1; c < cols; c++) {
      apply(j, work[c]);
    }
  }

  /** Applies reflector j (I − β v vᵀ) to the vector y in place. */
  private void apply(int j, double[] y) {
    double beta = betas[j];
    if (beta == 0) {
      return;
    }
    double[] tail = work[j];
    double dot = heads[j] * y[j];
    for (int i = j + 1; i < rows; i++) {
      dot += tail[i] * y[i];
    }
    double s = beta * dot;
    y[j] -= s * heads[j];
    for (int i = j + 1; i < rows; i++) {
      y[i] -= s * tail[i];
    }
  }

  /** min(rows, columns): Q's column count and R's row count. */
  int rank() {
    return rank;
  }

  /** R, upper triangular, as {@link #rank()} rows of {@code columns} entries. */
  double[][] r() {
    double[][] r = new double[rank][cols];
    for (int c = 0; c < cols; c++) {
      for (int i = 0; i < Math.min(c, rank); i++) {
        r[i][c] = work[c][i];
      }
      if (c < rank) {
        r[c][c] = diagonal[c];
      }
    }
    return r;
  }

  /**
   * Returns Q·x for each column x of {@code columns} (each of {@link #rank()} entries), as columns
   * of {@code rows} entries: x padded with zeros, then the reflectors in reverse order.
   */
  double[][] applyQ(double[][] columns) {
    double[][] out = new double[columns.length][];
    for (int c = 0; c < columns.length; c++) {
      if (columns[c].length != rank) {
        throw new IllegalArgumentException(
            "column " + c + " has " + columns[c].length + " entries, expected " + rank);
      }
      double[] y = new double[rows];
      System.arraycopy(columns[c], 0, y, 0, rank);
      for (int j = rank - 1; j >= 0; j--) {
        apply(j, y);
      }
      out[c] = y;
    }
    return out;
  }
}
