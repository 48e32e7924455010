package io.recopipe.components.warehouse;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A {@code DOUBLE[]} value held as a primitive array: every warehouse reads it as the {@code
 * List<Double>} it is, and DuckDB's appender takes the array as it stands, so a table of long
 * factor lists (ML.WEIGHTS) loads without boxing each number.
 */
public final class DoubleList extends AbstractList<Double> implements RandomAccess {
  private final double[] values;

  private DoubleList(double[] values) {
    this.values = values;
  }

  /** The list of {@code values} widened to doubles (exactly). */
  public static DoubleList widened(float[] values, int from, int count) {
    double[] widened = new double[count];
    for (int n = 0; n < count; n++) {
      widened[n] = values[from + n];
    }
    return new DoubleList(widened);
  }

  @Override
  public Double get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }

  /** The values themselves, for the appender (not copied: callers must not change them). */
  double[] values() {
    return values;
  }
}
