package io.recopipe.components.readers;

import io.recopipe.model.error.InvalidInputException;

/**
 * Bad input data, reported in one line that names the file (and zip entry), the 1-based line, the
 * column when one field is at fault, and what was expected versus found, so that a user can fix the
 * file without reading a stack trace; control characters from the data are escaped. It is bad
 * input, so the CLI exits with the bad-input code.
 */
public class DataFormatException extends InvalidInputException {
  private final String source;
  private final String unit;
  private final int line;
  private final String column;
  private final String detail;

  /**
   * Reports a problem in one field: {@code column} names it, as {@code 3 (rating)} (1-based
   * position and header name), or is null when the line as a whole is at fault.
   */
  public DataFormatException(String source, int line, String column, String detail) {
    this(source, "line", line, column, detail);
  }

  private DataFormatException(String source, String unit, int line, String column, String detail) {
    super(
        ControlChars.escape(source)
            + " "
            + unit
            + " "
            + line
            + (column == null ? "" : ", column " + ControlChars.escape(column))
            + ": "
            + ControlChars.escape(detail));
    this.source = source;
    this.unit = unit;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** Reports a problem in one field of the 1-based {@code row} of a table file (Parquet). */
  public static DataFormatException atRow(String source, int row, String column, String detail) {
    return new DataFormatException(source, "row", row, column, detail);
  }

  /** Reports a problem at {@code line} (1-based) of {@code source}. */
  public DataFormatException(String source, int line, String detail) {
    this(source, line, null, detail);
  }

  /** Reports a problem with {@code source} as a whole (missing, unrecognised). */
  public DataFormatException(String source, String detail) {
    super(ControlChars.escape(source) + ": " + ControlChars.escape(detail));
    this.source = source;
    this.unit = "line";
    this.line = 0;
    this.column = null;
    this.detail = detail;
  }

  /** The file (or {@code archive.zip!/entry}) the problem is in. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem, or 0 when it concerns the whole source. */
  public int line() {
    return line;
  }

  /** The field at fault, as {@code 3 (rating)}, or null when the line or file is at fault. */
  public String column() {
    return column;
  }

  /** The expected-versus-found part of the message, without the location. */
  public String detail() {
    return detail;
  }

  /** The same problem with {@code more} appended to the detail. */
  DataFormatException withMore(String more) {
    return new DataFormatException(source, unit, line, column, detail + more);
  }
}
