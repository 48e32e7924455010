package io.recopipe.model.als;

/**
 * Sums gathered rows of a float matrix in double, the O(n·k) per-row pass of VB's variance sums;
 * with the Vector API each lane block is summed in registers, which the plain loop's stores and
 * reloads of the running sums would otherwise dominate. Either way every sum adds the rows in
 * order starting from zero, so the results are bit-identical.
 */
final class RowSums {
  private RowSums() {
  }

  /**
   * Sets {@code out[f]} to {@code Σ source[columns[e]·k + f]} over e in {@code [from, to)}, for
   * f in {@code [0, k)}.
   */
  static void of(float[] source, int[] columns, int from, int to, int k, double[] out) {
    int f = GramKernel.VECTOR_API ? VectorRowSums.of(source, columns, from, to, k, out) : 0;
    for (; f < k; f++) {
      double sum = 0;
      for (int e = from; e < to; e++) {
        sum += source[columns[e] * k + f];
      }
      out[f] = sum;
    }
  }
}
