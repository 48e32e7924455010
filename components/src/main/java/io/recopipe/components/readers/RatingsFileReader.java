package io.recopipe.components.readers;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.io.IOException;

/**
 * The one parsing loop behind every ratings format: splits each line by index, parses ids, rating
 * and timestamp in place, validates them against the {@link RatingsLayout}, and hands a bad row to
 * the {@link BadRows} policy, which fails the read (the default, so a caller never sees a
 * half-built result) or keeps the row aside; a row is added only once all of it is valid.
 */
final class RatingsFileReader {
  private static final int AVERAGE_LINE_BYTES = 22;

  private final RatingsLayout layout;
  private final LineCursor cursor;
  private final BadRows badRows;
  private final Fields fields = new Fields();
  private final FieldSplitter splitter;
  private final CsvRecordParser quoted;
  private final RatingsBuilder builder;
  private final IntegerIdIndex userIndex;
  private final IntegerIdIndex itemIndex;
  private final TimestampParser timestamps = new TimestampParser();

  private RatingsFileReader(
      RatingsLayout layout, LineCursor cursor, long sizeHint, BadRows badRows) {
    this.layout = layout;
    this.cursor = cursor;
    this.badRows = badRows;
    this.splitter = new FieldSplitter(layout.delimiter());
    this.quoted =
        layout.generic() && layout.delimiter().length() == 1
            ? new CsvRecordParser(layout.delimiter().charAt(0))
            : null;
    long lines = Math.min(badRows.lineLimit(), 50_000_000);
    int expected = sizeHint > 0 ? (int) Math.min(lines, sizeHint / AVERAGE_LINE_BYTES) : 1024;
    this.builder = new RatingsBuilder(expected);
    this.userIndex = layout.integerIds() ? new IntegerIdIndex(builder.users()) : null;
    this.itemIndex = layout.integerIds() ? new IntegerIdIndex(builder.items()) : null;
  }

  /**
   * Reads the remaining lines of {@code cursor} (a header, if any, already consumed) as ratings.
   *
   * @param sizeHint the file size in bytes, or -1, to pre-size the columns
   * @param badRows keeps or refuses bad rows
   */
  static RatingsReadResult read(
      LineCursor cursor, RatingsLayout layout, long sizeHint, BadRows badRows) throws IOException {
    return new RatingsFileReader(layout, cursor, sizeHint, badRows).readAll();
  }

  private RatingsReadResult readAll() throws IOException {
    String line;
    while (cursor.lineNumber() < badRows.lineLimit() && (line = cursor.next()) != null) {
      if (line.isEmpty()) {
        continue;
      }
      try {
        readRow(line);
      } catch (DataFormatException problem) {
        badRows.reject(problem, line);
      }
    }
    if (builder.size() == 0) {
      int skipped = badRows.rows().size();
      String found =
          cursor.lineNumber() == 0
              ? "an empty file"
              : skipped > 0 ? "only bad rows (" + skipped + " skipped)" : "no rating lines";
      throw new DataFormatException(
          cursor.sourceName(),
          cursor.lineNumber() + 1,
          "expected " + layout.expectedFields() + ", found " + found);
    }
    Ratings ratings = builder.build();
    return new RatingsReadResult(
        ratings,
        cursor.lineNumber(),
        builder.duplicatesResolved(),
        badRows.rows(),
        layout.columns().timestamp() >= 0);
  }

  private void readRow(String line) throws IOException {
    int count =
        quoted != null && line.indexOf('"') >= 0
            ? quoted.parse(line, cursor, fields)
            : splitter.split(line, fields);
    if (count != layout.fieldCount()) {
      throw cursor.fail(layout.fieldCountProblem(line, count));
    }
    RatingColumns columns = layout.columns();
    int user;
    int item;
    if (userIndex != null) {
      int userId = integerId(columns.user());
      int itemId = integerId(columns.item());
      float rating = rating(columns.rating());
      long timestamp = columns.timestamp() < 0 ? 0 : timestamp(columns.timestamp());
      user = userIndex.indexOf(userId);
      item = itemIndex.indexOf(itemId);
      builder.addIndexed(user, item, rating, timestamp);
    } else {
      String userId = textId(columns.user());
      String itemId = textId(columns.item());
      float rating = rating(columns.rating());
      long timestamp = columns.timestamp() < 0 ? 0 : timestamp(columns.timestamp());
      builder.addIndexed(
          builder.users().intern(userId), builder.items().intern(itemId), rating, timestamp);
    }
  }

  private int integerId(int field) {
    int id = Numbers.parseNonNegativeInt(fields.text(), fields.start(field), fields.end(field));
    if (id < 0) {
      throw cursor.fail(
          layout.column(field),
          "expected an integer " + layout.label(field) + ", found " + fields.quoted(field));
    }
    return id;
  }

  private String textId(int field) {
    String id = fields.trimmed(field);
    if (id.isEmpty()) {
      throw cursor.fail(
          layout.column(field),
          "expected a non-empty " + layout.label(field) + ", found an empty field");
    }
    return id;
  }

  private float rating(int field) {
    float rating = Numbers.parseFloat(fields.text(), fields.start(field), fields.end(field));
    if (Float.isNaN(rating) || Float.isInfinite(rating)) {
      throw cursor.fail(
          layout.column(field),
          "expected a numeric " + layout.label(field) + ", found " + fields.quoted(field));
    }
    if (!layout.scale().contains(rating)) {
      throw cursor.fail(
          layout.column(field),
          "expected a "
              + layout.label(field)
              + " "
              + layout.scale().requirement()
              + ", found "
              + fields.quoted(field));
    }
    return rating;
  }

  private long timestamp(int field) {
    long value =
        layout.generic()
            ? timestamps.parse(fields.text(), fields.start(field), fields.end(field))
            : Numbers.parseLong(fields.text(), fields.start(field), fields.end(field));
    if (value == Numbers.INVALID_LONG) {
      String kind = layout.generic() ? TimestampParser.FORMS : "integer epoch seconds";
      throw cursor.fail(
          layout.column(field),
          "expected a " + layout.label(field) + " in " + kind + ", found " + fields.quoted(field));
    }
    return value;
  }
}
