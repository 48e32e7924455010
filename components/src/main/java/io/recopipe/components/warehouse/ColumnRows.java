package io.recopipe.components.warehouse;

/**
 * Rows held in memory column by column, so a warehouse can load them without formatting and then
 * parsing millions of lines of text: each column is read by the accessor of its type ({@code
 * BIGINT}: {@link #longValue}, {@code DOUBLE}: {@link #doubleValue}, {@code VARCHAR}: {@link
 * #text}), and the values must be exactly what reading the rows' TSV file gives.
 */
public interface ColumnRows {
  /** How many rows there are. */
  int size();

  /** The value of {@code BIGINT} column {@code column} in row {@code row}. */
  long longValue(int column, int row);

  /** The value of {@code DOUBLE} column {@code column} in row {@code row}. */
  double doubleValue(int column, int row);

  /**
   * The UTF-8 bytes of {@code VARCHAR} column {@code column} in row {@code row}, or null for SQL
   * NULL (what an empty field of a TSV file reads as); callers must not change them.
   */
  byte[] text(int column, int row);

  /**
   * Copies {@code BIGINT} column {@code column} of rows {@code from .. from + count - 1} into
   * {@code into[0 .. count - 1]}, so a warehouse writes a chunk of values at once; the same values
   * as {@link #longValue} (implementations may override it with a tighter loop).
   */
  default void longValues(int column, int from, long[] into, int count) {
    for (int k = 0; k < count; k++) {
      into[k] = longValue(column, from + k);
    }
  }

  /**
   * Copies {@code DOUBLE} column {@code column} of rows {@code from .. from + count - 1} into
   * {@code into[0 .. count - 1]}: the same values as {@link #doubleValue}.
   */
  default void doubleValues(int column, int from, double[] into, int count) {
    for (int k = 0; k < count; k++) {
      into[k] = doubleValue(column, from + k);
    }
  }
}
