package io.recopipe.model.als;

import io.recopipe.model.data.CsrView;

/**
 * One side's implicit interactions in compressed rows, with each interaction's extra confidence
 * {@code c − 1 = wals_alpha·r} (Hu, Koren &amp; Volinsky 2008): implicit ALS only ever needs {@code
 * c − 1} on observed pairs, since every unobserved pair has c = 1 and p = 0 and is covered by the
 * Gram matrix of the whole fixed side. Ratings below {@code positive_threshold}, and ratings of 0
 * or less, are dropped here: they count as unobserved.
 */
final class ConfidenceRows {
  final int rows;
  final int[] offsets;
  final int[] columns;
  final float[] extraConfidence;

  private ConfidenceRows(int rows, int[] offsets, int[] columns, float[] extraConfidence) {
    this.rows = rows;
    this.offsets = offsets;
    this.columns = columns;
    this.extraConfidence = extraConfidence;
  }

  /** The interactions of {@code view} with r ≥ {@code threshold} and r > 0. */
  static ConfidenceRows of(CsrView view, double alpha, double threshold) {
    int rows = view.rowCount();
    int[] sourceOffsets = view.offsetArray();
    int[] sourceColumns = view.columnArray();
    float[] values = view.valueArray();
    int[] offsets = new int[rows + 1];
    int kept = 0;
    for (int e = 0; e < sourceOffsets[rows]; e++) {
      kept += isPositive(values[e], threshold) ? 1 : 0;
    }
    int[] columns = new int[kept];
    float[] extra = new float[kept];
    int n = 0;
    for (int row = 0; row < rows; row++) {
      for (int e = sourceOffsets[row]; e < sourceOffsets[row + 1]; e++) {
        if (isPositive(values[e], threshold)) {
          columns[n] = sourceColumns[e];
          extra[n] = (float) (alpha * values[e]);
          n++;
        }
      }
      offsets[row + 1] = n;
    }
    return new ConfidenceRows(rows, offsets, columns, extra);
  }

  /** Whether rating {@code r} is an observed interaction under {@code threshold}. */
  static boolean isPositive(float r, double threshold) {
    return r > 0 && r >= threshold;
  }

  /** The number of interactions kept. */
  int size() {
    return offsets[rows];
  }

  /** The number of interactions of {@code row}. */
  int count(int row) {
    return offsets[row + 1] - offsets[row];
  }
}
