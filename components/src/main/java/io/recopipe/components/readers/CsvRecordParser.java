package io.recopipe.components.readers;

import java.io.IOException;

/**
 * Parses one RFC-4180 record: fields may be quoted, a quoted field may hold the delimiter, doubled
 * quotes ({@code ""}) and line breaks; needed because MovieLens {@code movies.csv} titles contain
 * commas and quotes, which a plain split would tear apart.
 */
final class CsvRecordParser {
  private final char delimiter;
  private final StringBuilder buffer = new StringBuilder(128);

  CsvRecordParser(char delimiter) {
    this.delimiter = delimiter;
  }

  /**
   * Parses the record starting with {@code line}, reading continuation lines from {@code cursor}
   * while a quoted field is open; the unquoted field values land in {@code fields}.
   */
  int parse(String line, LineCursor cursor, Fields fields) throws IOException {
    buffer.setLength(0);
    fields.reset(buffer);
    int startLine = cursor.lineNumber();
    String text = line;
    int at = 0;
    while (true) {
      int fieldStart = buffer.length();
      if (at < text.length() && text.charAt(at) == '"') {
        at++;
        while (true) {
          if (at == text.length()) {
            String more = cursor.next();
            if (more == null) {
              throw new DataFormatException(
                  cursor.sourceName(),
                  startLine,
                  "expected a closing quote for the field opened on this line, found end of file");
            }
            buffer.append('\n');
            text = more;
            at = 0;
            continue;
          }
          char c = text.charAt(at++);
          if (c != '"') {
            buffer.append(c);
          } else if (at < text.length() && text.charAt(at) == '"') {
            buffer.append('"');
            at++;
          } else {
            break;
          }
        }
        if (at < text.length() && text.charAt(at) != delimiter) {
          throw cursor.fail(
              "expected a delimiter '"
                  + delimiter
                  + "' after a closing quote, found '"
                  + text.charAt(at)
                  + "'");
        }
      } else {
        int end = text.indexOf(delimiter, at);
        end = end < 0 ? text.length() : end;
        buffer.append(text, at, end);
        at = end;
      }
      fields.add(fieldStart, buffer.length());
      if (at >= text.length()) {
        return fields.count();
      }
      at++; // skip the delimiter; a trailing one yields an empty last field on the next turn
    }
  }
}
