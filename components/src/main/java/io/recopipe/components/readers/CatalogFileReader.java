package io.recopipe.components.readers;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.function.Function;

/**
 * The shared loop for catalog files (movies, users): checks the header and field counts, refuses
 * duplicate ids, and hands each record to a row parser; one place so all catalogs fail alike.
 */
final class CatalogFileReader {
  /** Turns one record into an entry, or throws {@link DataFormatException} via the cursor. */
  interface RowParser<T> {
    T parse(Fields fields, LineCursor cursor);
  }

  private CatalogFileReader() {}

  static <T> Catalog<T> read(
      TextSource source,
      Charset charset,
      CatalogLayout layout,
      RowParser<T> parser,
      Function<T, String> idOf)
      throws IOException {
    LinkedHashMap<String, T> entries = new LinkedHashMap<>();
    Fields fields = new Fields();
    FieldSplitter splitter = new FieldSplitter(layout.delimiter());
    CsvRecordParser csv =
        layout.quoted() ? new CsvRecordParser(layout.delimiter().charAt(0)) : null;
    try (LineCursor cursor = LineCursor.open(source, charset)) {
      if (layout.header() != null) {
        expectHeader(cursor, layout.header());
      }
      String line;
      while ((line = cursor.next()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        int count = csv != null ? csv.parse(line, cursor, fields) : splitter.split(line, fields);
        if (count != layout.fieldCount()) {
          throw cursor.fail("expected " + layout.expected() + ", found " + count);
        }
        T entry = parser.parse(fields, cursor);
        String id = idOf.apply(entry);
        if (entries.putIfAbsent(id, entry) != null) {
          throw cursor.fail("expected each id once, found '" + id + "' again");
        }
      }
      if (cursor.lineNumber() == 0) {
        throw new DataFormatException(
            source.name(), 1, "expected " + layout.expected() + ", found an empty file");
      }
    }
    return new Catalog<>(entries);
  }

  /** Reads line 1 and fails unless it is exactly {@code header}. */
  static void expectHeader(LineCursor cursor, String header) throws IOException {
    String first = cursor.next();
    if (first == null) {
      throw new DataFormatException(
          cursor.sourceName(), 1, "expected the header " + header + ", found an empty file");
    }
    if (!first.strip().equals(header)) {
      throw cursor.fail("expected the header " + header + ", found '" + first + "'");
    }
  }

  /** Parses an integer id field or fails naming it. */
  static String integerId(Fields fields, int field, String name, LineCursor cursor) {
    int id = Numbers.parseNonNegativeInt(fields.text(), fields.start(field), fields.end(field));
    if (id < 0) {
      throw cursor.fail("expected an integer " + name + ", found " + fields.quoted(field));
    }
    return Integer.toString(id);
  }
}
