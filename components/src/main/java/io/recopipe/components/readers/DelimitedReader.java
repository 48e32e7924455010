package io.recopipe.components.readers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads any delimited ratings file with a BigQuery ML–style column mapping, so data exported from
 * a warehouse or another tool trains without conversion; ids are any non-empty strings.
 */
final class DelimitedReader {
  private static final String[] DEFAULT_NAMES = {"user", "item", "rating"};

  private DelimitedReader() {
  }

  static Dataset read(TextSource source, DelimitedOptions options) throws IOException {
    RatingsReadResult result;
    try (LineCursor cursor = LineCursor.open(source, options.charset())) {
      String first = cursor.next();
      while (first != null && first.isEmpty()) {
        first = cursor.next();
      }
      if (first == null) {
        String what = options.header() ? "a header line" : "rating lines";
        throw new DataFormatException(source.name(), Math.max(1, cursor.lineNumber()),
            "expected " + what + ", found an empty file");
      }
      Fields fields = new Fields();
      int count = new CsvRecordParser(options.delimiter()).parse(first, cursor, fields);
      RatingsLayout layout = options.header()
          ? fromHeader(fields, options, cursor) : fromFirstLine(count, options, cursor);
      if (!options.header()) {
        cursor.pushBack(first);
      }
      result = RatingsFileReader.read(cursor, layout, source.sizeHint());
    }
    ReaderReport report = ReaderReport.of(DatasetFormat.DELIMITED, source.name(), result);
    return new Dataset(result.ratings(), null, null, report);
  }

  private static RatingsLayout fromHeader(Fields fields, DelimitedOptions options,
      LineCursor cursor) {
    List<String> names = new ArrayList<>();
    for (int n = 0; n < fields.count(); n++) {
      names.add(fields.trimmed(n));
    }
    RatingColumns columns = new RatingColumns(
        byName(names, options.userColumn(), "user_col", cursor),
        byName(names, options.itemColumn(), "item_col", cursor),
        byName(names, options.ratingColumn(), "rating_col", cursor),
        options.timestampColumn() == null ? -1
            : byName(names, options.timestampColumn(), "timestamp column", cursor));
    return layout(options, names, columns);
  }

  private static int byName(List<String> header, ColumnRef ref, String option, LineCursor cursor) {
    if (ref.byPosition()) {
      if (ref.position() >= header.size()) {
        throw cursor.fail("expected a column at position " + ref.position() + " (" + option
            + "), found " + header.size() + " columns");
      }
      return ref.position();
    }
    int exact = header.indexOf(ref.name());
    if (exact >= 0) {
      return exact;
    }
    for (int n = 0; n < header.size(); n++) {
      if (header.get(n).equalsIgnoreCase(ref.name())) {
        return n;
      }
    }
    throw cursor.fail("expected a column named '" + ref.name() + "' (" + option
        + ") in the header, found " + String.join(", ", header));
  }

  private static RatingsLayout fromFirstLine(int count, DelimitedOptions options,
      LineCursor cursor) {
    RatingColumns columns = new RatingColumns(
        byPosition(options.userColumn(), 0, "user_col", count, cursor),
        byPosition(options.itemColumn(), 1, "item_col", count, cursor),
        byPosition(options.ratingColumn(), 2, "rating_col", count, cursor),
        options.timestampColumn() == null ? -1
            : byPosition(options.timestampColumn(), -1, "timestamp column", count, cursor));
    List<String> names = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      String role = columns.roleOf(n);
      names.add(role == null ? "column " + n : role.replace(" id", ""));
    }
    return layout(options, names, columns);
  }

  private static int byPosition(ColumnRef ref, int defaultPosition, String option, int count,
      LineCursor cursor) {
    int position = ref.position();
    if (!ref.byPosition()) {
      boolean isDefault = defaultPosition >= 0 && ref.name().equals(DEFAULT_NAMES[defaultPosition]);
      if (!isDefault) {
        throw new IllegalArgumentException(option + " names column '" + ref.name()
            + "' but " + cursor.sourceName()
            + " is read without a header; give a 0-based position");
      }
      position = defaultPosition;
    }
    if (position >= count) {
      throw cursor.fail("expected a " + option + " field at position " + position + ", found "
          + count + " fields");
    }
    return position;
  }

  private static RatingsLayout layout(DelimitedOptions options, List<String> names,
      RatingColumns columns) {
    return new RatingsLayout(String.valueOf(options.delimiter()), names, columns, false, true,
        options.scale());
  }
}
