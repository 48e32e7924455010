package io.recopipe.model.als;

/**
 * Sums gathered rows of a float matrix in double, the O(n·k) per-row pass of VB's variance sums:
 * row by row, so each row is read once, contiguously, and the JIT vectorizes the inner loop. The
 * rows are added in order from zero. (A Vector API version widening floats to doubles is not used:
 * on JDK 17 the JIT fails to intrinsify the widening of the upper half and then boxes vectors,
 * which slows the Gram kernel too.)
 */
final class RowSums {
  private RowSums() {
  }

  /**
   * Sets {@code out[f]} to {@code Σ source[columns[e]·k + f]} over e in {@code [from, to)}, for
   * f in {@code [0, k)}.
   */
  static void of(float[] source, int[] columns, int from, int to, int k, double[] out) {
    java.util.Arrays.fill(out, 0, k, 0.0);
    for (int e = from; e < to; e++) {
      int base = columns[e] * k;
      for (int f = 0; f < k; f++) {
        out[f] += source[base + f];
      }
    }
  }
}
