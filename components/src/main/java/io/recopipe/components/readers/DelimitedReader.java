package io.recopipe.components.readers;

import io.recopipe.model.error.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads any delimited ratings file with a BigQuery ML–style column mapping, so data exported from a
 * warehouse or another tool trains without conversion; with a header, columns not given are
 * detected by name ({@link ColumnDetector}); ids are any non-empty strings, ratings any finite
 * number unless a scale is declared.
 */
final class DelimitedReader {
  private DelimitedReader() {}

  static Dataset read(TextSource source, DelimitedOptions options, BadRows badRows)
      throws IOException {
    RatingsReadResult result;
    String notice;
    try (LineCursor cursor = LineCursor.open(source, options.charset())) {
      String first = cursor.next();
      while (first != null && first.isEmpty()) {
        first = cursor.next();
      }
      if (first == null) {
        String what = options.header() ? "a header line" : "rating lines";
        throw new DataFormatException(
            source.name(),
            Math.max(1, cursor.lineNumber()),
            "expected " + what + ", found an empty file");
      }
      Fields fields = new Fields();
      int count = new CsvRecordParser(options.delimiter()).parse(first, cursor, fields);
      List<String> names = new ArrayList<>();
      DetectedColumns columns;
      if (options.header()) {
        for (int n = 0; n < count; n++) {
          names.add(fields.trimmed(n));
        }
        columns =
            ColumnDetector.detect(source.name(), names, options.explicitColumns(), cursor::fail);
      } else {
        columns = byPosition(count, options, cursor);
        for (int n = 0; n < count; n++) {
          String role = columns.ratingColumns().roleOf(n);
          names.add(role == null ? "column " + (n + 1) : role.replace(" id", ""));
        }
        cursor.pushBack(first);
      }
      notice = columns.notice();
      RatingsLayout layout =
          new RatingsLayout(
              String.valueOf(options.delimiter()),
              names,
              columns.ratingColumns(),
              false,
              true,
              options.scale());
      result = RatingsFileReader.read(cursor, layout, source.sizeHint(), badRows);
    }
    ReaderReport report = ReaderReport.of(DatasetFormat.DELIMITED, source.name(), result);
    ReadNotes notes =
        new ReadNotes(
            notice == null ? List.of() : List.of(notice), result.rejected(), result.timestamps());
    return new Dataset(result.ratings(), null, null, report, notes);
  }

  /** Without a header: the given 0-based positions, else user 0, item 1, rating 2. */
  private static DetectedColumns byPosition(
      int count, DelimitedOptions options, LineCursor cursor) {
    int[] positions = {0, 1, 2, -1};
    ColumnRef[] given = {
      options.userColumn(), options.itemColumn(), options.ratingColumn(), options.timestampColumn()
    };
    for (ColumnRole role : ColumnRole.values()) {
      ColumnRef ref = given[role.ordinal()];
      if (ref != null && !ref.byPosition()) {
        throw new InvalidInputException(
            role.option()
                + " names column '"
                + ref.name()
                + "' but "
                + cursor.sourceName()
                + " is read without a header; give a 0-based"
                + " position");
      }
      int position = ref == null ? positions[role.ordinal()] : ref.position();
      if (position >= count) {
        throw cursor.fail(
            "expected a "
                + role.tableColumn()
                + " field at 0-based position "
                + position
                + " (ingest."
                + role.option()
                + "), found "
                + count
                + " fields");
      }
      positions[role.ordinal()] = position;
    }
    return new DetectedColumns(positions[0], positions[1], positions[2], positions[3], null);
  }
}
