package io.recopipe.components.readers;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.io.IOException;

/**
 * The one parsing loop behind every ratings format: splits each line by index, parses ids,
 * rating and timestamp in place, validates them against the {@link RatingsLayout}, and fails on
 * the first bad line so a caller never sees a half-built result.
 */
final class RatingsFileReader {
  private static final int AVERAGE_LINE_BYTES = 22;

  private final RatingsLayout layout;
  private final LineCursor cursor;
  private final Fields fields = new Fields();
  private final FieldSplitter splitter;
  private final CsvRecordParser quoted;
  private final RatingsBuilder builder;
  private final IntIdIndex userIndex;
  private final IntIdIndex itemIndex;

  private RatingsFileReader(RatingsLayout layout, LineCursor cursor, long sizeHint) {
    this.layout = layout;
    this.cursor = cursor;
    this.splitter = new FieldSplitter(layout.delimiter());
    this.quoted = layout.generic() && layout.delimiter().length() == 1
        ? new CsvRecordParser(layout.delimiter().charAt(0)) : null;
    int expected = sizeHint > 0 ? (int) Math.min(50_000_000, sizeHint / AVERAGE_LINE_BYTES) : 1024;
    this.builder = new RatingsBuilder(expected);
    this.userIndex = layout.integerIds() ? new IntIdIndex(builder.users()) : null;
    this.itemIndex = layout.integerIds() ? new IntIdIndex(builder.items()) : null;
  }

  /**
   * Reads the remaining lines of {@code cursor} (a header, if any, already consumed) as ratings.
   *
   * @param sizeHint the file size in bytes, or -1, to pre-size the columns
   */
  static RatingsReadResult read(LineCursor cursor, RatingsLayout layout, long sizeHint)
      throws IOException {
    return new RatingsFileReader(layout, cursor, sizeHint).readAll();
  }

  private RatingsReadResult readAll() throws IOException {
    RatingColumns columns = layout.columns();
    int expectedCount = layout.fieldCount();
    String line;
    while ((line = cursor.next()) != null) {
      if (line.isEmpty()) {
        continue;
      }
      int count = quoted != null && line.indexOf('"') >= 0
          ? quoted.parse(line, cursor, fields) : splitter.split(line, fields);
      if (count != expectedCount) {
        throw cursor.fail(layout.fieldCountProblem(line, count));
      }
      int user = id(columns.user(), userIndex, builder.users());
      int item = id(columns.item(), itemIndex, builder.items());
      float rating = rating(columns.rating());
      long timestamp = columns.timestamp() < 0 ? 0 : timestamp(columns.timestamp());
      builder.addIndexed(user, item, rating, timestamp);
    }
    if (builder.size() == 0) {
      String found = cursor.lineNumber() == 0 ? "an empty file" : "no rating lines";
      throw new DataFormatException(cursor.sourceName(), cursor.lineNumber() + 1,
          "expected " + layout.expectedFields() + ", found " + found);
    }
    Ratings ratings = builder.build();
    return new RatingsReadResult(ratings, cursor.lineNumber(), builder.duplicatesResolved());
  }

  private int id(int field, IntIdIndex index, IdDictionary dictionary) {
    if (index != null) {
      int id = Numbers.parseNonNegativeInt(fields.text(), fields.start(field), fields.end(field));
      if (id < 0) {
        throw cursor.fail("expected an integer " + layout.label(field) + ", found "
            + fields.quoted(field));
      }
      return index.indexOf(id);
    }
    String id = fields.trimmed(field);
    if (id.isEmpty()) {
      throw cursor.fail("expected a non-empty " + layout.label(field) + ", found an empty field");
    }
    return dictionary.intern(id);
  }

  private float rating(int field) {
    float rating = Numbers.parseFloat(fields.text(), fields.start(field), fields.end(field));
    if (Float.isNaN(rating)) {
      throw cursor.fail("expected a numeric " + layout.label(field) + ", found "
          + fields.quoted(field));
    }
    if (!layout.scale().contains(rating)) {
      throw cursor.fail("expected a " + layout.label(field) + " in " + layout.scale() + ", found "
          + fields.quoted(field));
    }
    return rating;
  }

  private long timestamp(int field) {
    long value = Numbers.parseLong(fields.text(), fields.start(field), fields.end(field));
    if (value == Numbers.INVALID_LONG && layout.generic()) {
      value = Timestamps.parseIso(fields.trimmed(field));
    }
    if (value == Numbers.INVALID_LONG) {
      String kind =
          layout.generic() ? "epoch seconds or an ISO-8601 time" : "integer epoch seconds";
      throw cursor.fail("expected a " + layout.label(field) + " in " + kind + ", found "
          + fields.quoted(field));
    }
    return value;
  }
}
