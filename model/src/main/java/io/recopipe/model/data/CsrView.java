package io.recopipe.model.data;

/**
 * A compressed-row view of the ratings (by user or by item), the layout ALS sweeps over: row r's
 * entries are {@code columns[offsets[r] .. offsets[r+1])} with their {@code values}, columns
 * ascending.
 */
public final class CsrView {
  private final int[] offsets;
  private final int[] columns;
  private final float[] values;

  CsrView(int[] offsets, int[] columns, float[] values) {
    this.offsets = offsets;
    this.columns = columns;
    this.values = values;
  }

  /**
   * Builds the view of rows {@code rowOf} and columns {@code columnOf} with a stable counting sort.
   */
  static CsrView build(int rowCount, int[] rowOf, int[] columnOf, float[] valueOf, int size) {
    int[] offsets = new int[rowCount + 1];
    for (int n = 0; n < size; n++) {
      offsets[rowOf[n] + 1]++;
    }
    for (int r = 0; r < rowCount; r++) {
      offsets[r + 1] += offsets[r];
    }
    int[] next = java.util.Arrays.copyOf(offsets, rowCount);
    int[] columns = new int[size];
    float[] values = new float[size];
    for (int n = 0; n < size; n++) {
      int slot = next[rowOf[n]]++;
      columns[slot] = columnOf[n];
      values[slot] = valueOf[n];
    }
    for (int r = 0; r < rowCount; r++) {
      sortRow(columns, values, offsets[r], offsets[r + 1]);
    }
    return new CsrView(offsets, columns, values);
  }

  private static void sortRow(int[] columns, float[] values, int from, int to) {
    boolean sorted = true;
    for (int n = from + 1; n < to && sorted; n++) {
      sorted = columns[n - 1] < columns[n];
    }
    if (sorted) {
      return;
    }
    long[] packed = new long[to - from];
    for (int n = from; n < to; n++) {
      packed[n - from] =
          ((long) columns[n] << 32) | (Float.floatToRawIntBits(values[n]) & 0xffffffffL);
    }
    java.util.Arrays.sort(packed);
    for (int n = from; n < to; n++) {
      columns[n] = (int) (packed[n - from] >>> 32);
      values[n] = Float.intBitsToFloat((int) packed[n - from]);
    }
  }

  /** Returns how many rows the view has. */
  public int rowCount() {
    return offsets.length - 1;
  }

  /** Returns the first entry of {@code row}. */
  public int start(int row) {
    return offsets[row];
  }

  /** Returns one past the last entry of {@code row}. */
  public int end(int row) {
    return offsets[row + 1];
  }

  /** Returns how many entries {@code row} has. */
  public int count(int row) {
    return offsets[row + 1] - offsets[row];
  }

  /** Returns the column of entry {@code n}. */
  public int column(int n) {
    return columns[n];
  }

  /** Returns the value of entry {@code n}. */
  public float value(int n) {
    return values[n];
  }

  /** Returns whether {@code row} has an entry in {@code column} (binary search). */
  public boolean contains(int row, int column) {
    return java.util.Arrays.binarySearch(columns, offsets[row], offsets[row + 1], column) >= 0;
  }

  /** The backing column array; callers must not modify it (hot loops read it directly). */
  public int[] columnArray() {
    return columns;
  }

  /** The backing value array; callers must not modify it. */
  public float[] valueArray() {
    return values;
  }

  /** The backing offsets array (length rowCount + 1); callers must not modify it. */
  public int[] offsetArray() {
    return offsets;
  }
}
