package io.recopipe.model.json;

/**
 * Thrown for malformed JSON text; it carries the line and column so that a person can open the
 * file at the fault instead of searching for it.
 */
public final class JsonParseException extends JsonException {
  private static final long serialVersionUID = 1L;
  private final int line;
  private final int column;
  private final String detail;

  /** Creates the exception for a fault at 1-based {@code line} and {@code column}. */
  public JsonParseException(int line, int column, String detail) {
    super("line " + line + ", column " + column + ": " + detail);
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** The 1-based line of the fault. */
  public int line() {
    return line;
  }

  /** The 1-based column (in UTF-16 code units) of the fault. */
  public int column() {
    return column;
  }

  /** What is wrong, without the position. */
  public String detail() {
    return detail;
  }
}
