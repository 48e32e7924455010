package io.recopipe.components.readers;

import io.recopipe.model.error.InvalidInputException;

/**
 * Names a column of a generic delimited file either by header name or by 0-based position, like
 * BigQuery ML's {@code user_col}/{@code item_col}/{@code rating_col} options.
 *
 * @param name the header name, or null when given by position
 * @param position the 0-based position, or -1 when given by name
 */
public record ColumnRef(String name, int position) {

  /** Checks that exactly one of name and position is given. */
  public ColumnRef {
    if ((name == null) == (position < 0)) {
      throw new InvalidInputException("a column is given by a name or by a position >= 0");
    }
    if (name != null && name.isBlank()) {
      throw new InvalidInputException("a column name must not be blank");
    }
  }

  /** The column with header {@code name}. */
  public static ColumnRef named(String name) {
    return new ColumnRef(name, -1);
  }

  /** The column at 0-based {@code position}. */
  public static ColumnRef at(int position) {
    if (position < 0) {
      throw new InvalidInputException("column position must be >= 0, got " + position);
    }
    return new ColumnRef(null, position);
  }

  /** Reads an option value: all digits is a position ({@code "2"}), anything else a name. */
  public static ColumnRef parse(String text) {
    String value = text.strip();
    boolean digits = !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    return digits ? at(Integer.parseInt(value)) : named(value);
  }

  /** Whether the column is given by position. */
  public boolean byPosition() {
    return position >= 0;
  }

  @Override
  public String toString() {
    return byPosition() ? "#" + position : "'" + name + "'";
  }
}
