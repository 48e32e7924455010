package io.recopipe.model.als;

/**
 * Sums columns of a gathered tile in double, the O(n·k) per-row pass of VB's variance sums, which
 * reads the tile the row's assembly just filled instead of gathering each rated row a second time
 * from the whole side (a gather that, done separately, cost more than the Gram matrix itself). Each
 * column is summed in rating order from zero, with the Vector API (floats widened to doubles) when
 * it is present, so both paths give bit-identical sums.
 */
final class RowSums {
  private RowSums() {}

  /**
   * Sets {@code out[f]} to {@code Σ_e tile[e·stride + offset + f]} over e in {@code [0, n)}, for f
   * in {@code [0, k)}.
   */
  static void columns(float[] tile, int offset, int stride, int n, int k, double[] out) {
    columns(tile, offset, stride, n, k, out, KernelWarmup.vectorKernels());
  }

  /** {@link #columns(float[], int, int, int, int, double[])} with or without the Vector API. */
  static void columns(
      float[] tile, int offset, int stride, int n, int k, double[] out, boolean vector) {
    int f = 0;
    if (vector) {
      f = VectorRowSums.columns(tile, offset, stride, n, k, out);
    }
    for (; f < k; f++) {
      double sum = 0;
      for (int e = 0, at = offset + f; e < n; e++, at += stride) {
        sum += tile[at];
      }
      out[f] = sum;
    }
  }
}
