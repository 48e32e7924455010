package io.recopipe.model.als;

import io.recopipe.model.error.OperationFailedException;

/**
 * Implicit ALS's exact row update (Hu, Koren &amp; Volinsky 2008, eq. 4): it assembles A = YᵀY + Σ
 * (c − 1) y yᵀ + λI with the explicit path's SIMD {@link GramKernel} (each row scaled by √(c − 1),
 * so the kernel's plain outer products carry the confidence) and solves it by {@link Cholesky};
 * O(n·k² + k³) per row, the reference the conjugate-gradient solver is measured against.
 */
final class CholeskyImplicitSolver implements ImplicitRowSolver {
  private final int k;
  private final int stride;
  private final float[] gramRows;
  private final float[] rhs;
  private final float[] rows;
  private final int matrixStride;
  private final double[] matrix;
  private final double[] vector;

  CholeskyImplicitSolver(int k) {
    this.k = k;
    this.stride = GramKernel.stride(k);
    this.gramRows = new float[k * stride];
    this.rhs = new float[k];
    this.rows = new float[4 * stride];
    this.matrixStride = Cholesky.stride(k);
    this.matrix = new double[k * matrixStride];
    this.vector = new double[k];
  }

  @Override
  public double solve(
      int row,
      ConfidenceRows data,
      FactorSide fixed,
      SideGram gram,
      FactorSide target,
      double lambda) {
    int out = row * k;
    if (data.count(row) == 0) {
      java.util.Arrays.fill(target.factors, out, out + k, 0f);
      return 0;
    }
    java.util.Arrays.fill(gramRows, 0f);
    java.util.Arrays.fill(rhs, 0f);
    int e = data.offsets[row];
    int end = data.offsets[row + 1];
    for (; e + 4 <= end; e += 4) {
      float t0 = gather(0, data, e, fixed);
      float t1 = gather(1, data, e + 1, fixed);
      float t2 = gather(2, data, e + 2, fixed);
      float t3 = gather(3, data, e + 3, fixed);
      GramKernel.addFour(gramRows, rhs, rows, k, stride, t0, t1, t2, t3);
    }
    for (; e < end; e++) {
      GramKernel.addOne(gramRows, rhs, rows, k, stride, gather(0, data, e, fixed));
    }
    for (int i = 0; i < k; i++) {
      int base = i * matrixStride;
      for (int j = i; j < k; j++) {
        matrix[base + j] = gram.exact()[i * k + j] + gramRows[i * stride + j];
      }
      matrix[base + i] += lambda;
      vector[i] = rhs[i];
    }
    if (!Cholesky.solveInPlace(matrix, vector, k, matrixStride)) {
      throw new OperationFailedException(
          "implicit ALS normal equations are not positive definite"
              + " for row "
              + row
              + "; raise l2_reg above 0");
    }
    double regularization = 0;
    for (int f = 0; f < k; f++) {
      float value = (float) vector[f];
      target.factors[out + f] = value;
      regularization += lambda * value * value;
    }
    return regularization;
  }

  /** Copies √(c − 1)·y into slot {@code slot}; returns the target c/√(c − 1), so t·row = c·y. */
  private float gather(int slot, ConfidenceRows data, int e, FactorSide fixed) {
    float extra = data.extraConfidence[e];
    float scale = (float) Math.sqrt(extra);
    int base = slot * stride;
    int yo = data.columns[e] * k;
    for (int f = 0; f < k; f++) {
      rows[base + f] = scale * fixed.factors[yo + f];
    }
    return (1f + extra) / scale;
  }
}
