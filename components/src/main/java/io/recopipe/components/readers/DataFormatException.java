package io.recopipe.components.readers;

/**
 * Bad input data, reported in one line that names the file (and zip entry), the 1-based line and
 * what was expected versus found, so that a user can fix the file without reading a stack trace;
 * it is an {@link IllegalArgumentException} because the CLI maps those to the bad-input exit code.
 */
public class DataFormatException extends IllegalArgumentException {
  private final String source;
  private final int line;
  private final String detail;

  /** Reports a problem at {@code line} (1-based) of {@code source}. */
  public DataFormatException(String source, int line, String detail) {
    super(source + " line " + line + ": " + detail);
    this.source = source;
    this.line = line;
    this.detail = detail;
  }

  /** Reports a problem with {@code source} as a whole (missing, unrecognised). */
  public DataFormatException(String source, String detail) {
    super(source + ": " + detail);
    this.source = source;
    this.line = 0;
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

  /** The expected-versus-found part of the message, without the location. */
  public String detail() {
    return detail;
  }
}
