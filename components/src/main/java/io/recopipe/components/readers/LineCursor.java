package io.recopipe.components.readers;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;

/**
 * Reads a {@link TextSource} line by line with an explicit charset and counts lines, so that every
 * parser can raise a {@link DataFormatException} that points at the exact 1-based line.
 */
final class LineCursor implements Closeable {
  private static final int BUFFER_CHARS = 1 << 16;

  private final BufferedReader reader;
  private final String sourceName;
  private int lineNumber;
  private String pushedBack;

  private LineCursor(BufferedReader reader, String sourceName) {
    this.reader = reader;
    this.sourceName = sourceName;
  }

  /**
   * Opens {@code source} decoded with {@code charset}, unless its first bytes show gzip or a
   * byte-order mark (see {@link EncodingSniffer}).
   */
  static LineCursor open(TextSource source, Charset charset) throws IOException {
    BufferedReader reader = new BufferedReader(EncodingSniffer.open(source, charset), BUFFER_CHARS);
    return new LineCursor(reader, source.name());
  }

  /** Returns the next line without terminator (and without a leading BOM), or null at the end. */
  String next() throws IOException {
    if (pushedBack != null) {
      String line = pushedBack;
      pushedBack = null;
      lineNumber++;
      return line;
    }
    String line = reader.readLine();
    if (line == null) {
      return null;
    }
    lineNumber++;
    if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
      return line.substring(1);
    }
    return line;
  }

  /** Makes the next {@link #next()} return {@code line} again (one line of look-ahead). */
  void pushBack(String line) {
    pushedBack = line;
    lineNumber--;
  }

  /** The 1-based number of the line last returned (0 before the first). */
  int lineNumber() {
    return lineNumber;
  }

  /** The source's name as used in messages. */
  String sourceName() {
    return sourceName;
  }

  /** An exception for the current line. */
  DataFormatException fail(String expectedVersusFound) {
    return new DataFormatException(sourceName, Math.max(1, lineNumber), expectedVersusFound);
  }

  /** An exception for one field of the current line, {@code column} as {@code 3 (rating)}. */
  DataFormatException fail(String column, String expectedVersusFound) {
    return new DataFormatException(
        sourceName, Math.max(1, lineNumber), column, expectedVersusFound);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
