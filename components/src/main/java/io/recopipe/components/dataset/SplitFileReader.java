package io.recopipe.components.dataset;

import io.recopipe.components.readers.ControlChars;
import io.recopipe.components.readers.IntegerIdIndex;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads one ratings file of a dataset directory in its fixed layout ({@code user item rating
 * timestamp}, tab-separated, no header, {@code \n} line ends) without any format inference: a
 * byte-level parser that checks each value against the schema, so a damaged file is reported at its
 * line and column instead of training on garbage.
 */
final class SplitFileReader {
  private static final String[] COLUMNS = {"user_id", "item_id", "rating", "timestamp"};
  private static final float[] POWERS_OF_TEN = {
    1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f
  };
  private static final int EXACT_FLOAT_INTEGER = 1 << 24;

  /**
   * What the schema says the file holds; null kinds or range are not checked (a dataset without
   * schema.json), a negative row count neither.
   *
   * @param users the user id kind
   * @param items the item id kind
   * @param range the rating range
   * @param rows the row count
   */
  record Expected(IdKind users, IdKind items, RatingRange range, long rows) {}

  private final Path file;
  private final Expected expected;
  private final RatingsBuilder builder = new RatingsBuilder(1 << 16);
  private final IntegerIdIndex userIndex;
  private final IntegerIdIndex itemIndex;
  private byte[] line = new byte[1 << 16];
  private final int[] ends = new int[4];
  private int lineNumber;
  private byte[] previousUser = new byte[0];
  private int previousUserIndex = -1;

  private SplitFileReader(Path file, Expected expected) {
    this.file = file;
    this.expected = expected;
    this.userIndex =
        expected.users() == IdKind.INTEGER ? new IntegerIdIndex(builder.users()) : null;
    this.itemIndex =
        expected.items() == IdKind.INTEGER ? new IntegerIdIndex(builder.items()) : null;
  }

  /**
   * Reads {@code file}.
   *
   * @throws CorruptDatasetException when a line or the row count disagrees with {@code expected}
   */
  static Ratings read(Path file, Expected expected) throws IOException {
    return new SplitFileReader(file, expected).read();
  }

  /** Parses lines in place in the buffer; a line cut by the buffer's end moves to its start. */
  private Ratings read() throws IOException {
    int filled = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(line, filled, line.length - filled);
          read >= 0;
          read = in.read(line, filled, line.length - filled)) {
        int end = filled + read;
        int start = 0;
        for (int n = filled; n < end; n++) {
          if (line[n] == '\n') {
            parse(start, n);
            start = n + 1;
          }
        }
        filled = end - start;
        System.arraycopy(line, start, line, 0, filled);
        if (filled == line.length) {
          line = Arrays.copyOf(line, line.length * 2);
        }
      }
    }
    if (filled > 0) {
      parse(0, filled); // a last line without its line break
    }
    Ratings ratings = builder.build();
    if (builder.duplicatesResolved() > 0) {
      throw new CorruptDatasetException(
          file + ": " + builder.duplicatesResolved() + " duplicate (user, item) rows");
    }
    if (expected.rows() >= 0 && ratings.size() != expected.rows()) {
      throw new CorruptDatasetException(
          file + ": " + ratings.size() + " rows, schema.json says " + expected.rows());
    }
    return ratings;
  }

  private void parse(int start, int end) throws IOException {
    lineNumber++;
    int field = 0;
    for (int n = start; n < end; n++) {
      if (line[n] == '\t') {
        if (field == 3) {
          throw problem(4, "expected 4 tab-separated columns, found more");
        }
        ends[field++] = n;
      }
    }
    if (field != 3) {
      throw problem(field + 1, "expected 4 tab-separated columns, found " + (field + 1));
    }
    ends[3] = end;
    int user = user(start, ends[0]);
    int item =
        itemIndex != null
            ? itemIndex.indexOf(integerId(2, ends[0] + 1, ends[1]))
            : builder.items().intern(id(2, ends[0] + 1, ends[1]));
    float rating = rating(ends[1] + 1, ends[2]);
    long timestamp = timestamp(ends[2] + 1, ends[3]);
    builder.addIndexed(user, item, rating, timestamp);
  }

  /** The user's index; the file is sorted by user, so a repeated user costs no lookup. */
  private int user(int start, int end) throws IOException {
    if (previousUserIndex >= 0
        && Arrays.equals(line, start, end, previousUser, 0, previousUser.length)) {
      return previousUserIndex;
    }
    previousUserIndex =
        userIndex != null
            ? userIndex.indexOf(integerId(1, start, end))
            : builder.users().intern(id(1, start, end));
    previousUser = Arrays.copyOfRange(line, start, end);
    return previousUserIndex;
  }

  private String id(int column, int from, int to) throws IOException {
    if (from == to) {
      throw problem(column, "expected an id, found an empty field");
    }
    return new String(line, from, to - from, StandardCharsets.UTF_8);
  }

  /** An INT64 id written canonically ({@link IdKind#isCanonicalInteger}), parsed in place. */
  private long integerId(int column, int from, int to) throws IOException {
    boolean negative = from < to && line[from] == '-';
    int start = negative ? from + 1 : from;
    int digits = to - start;
    boolean canonical =
        digits >= 1 && digits <= 19 && (line[start] != '0' || (digits == 1 && !negative));
    long value = 0;
    for (int n = start; canonical && n < to; n++) {
      canonical = line[n] >= '0' && line[n] <= '9';
      value = value * 10 + (line[n] - '0');
    }
    if (canonical && digits == 19) { // may overflow a long: let the JDK decide
      String text = new String(line, from, to - from, StandardCharsets.ISO_8859_1);
      if (IdKind.isCanonicalInteger(text)) {
        return Long.parseLong(text);
      }
      canonical = false;
    }
    if (!canonical) {
      throw problem(
          column,
          "expected an integer id (schema.json: integer ids), found '" + shown(from, to) + "'");
    }
    return negative ? -value : value;
  }

  private float rating(int from, int to) throws IOException {
    float value = decimal(from, to);
    if (!Float.isFinite(value)) {
      throw problem(3, "expected a finite number, found '" + shown(from, to) + "'");
    }
    if (expected.range() != null && !expected.range().contains(value)) {
      throw problem(
          3,
          "rating "
              + shown(from, to)
              + " is outside the range schema.json records, "
              + expected.range());
    }
    return value;
  }

  /** A decimal number; exact fast path for short decimals, {@link Float#parseFloat} otherwise. */
  private float decimal(int from, int to) throws IOException {
    boolean negative = from < to && line[from] == '-';
    int mantissa = 0;
    int decimals = -1;
    int digits = 0;
    for (int n = negative ? from + 1 : from; n < to; n++) {
      byte b = line[n];
      if (b == '.' && decimals < 0) {
        decimals = 0;
      } else if (b >= '0'
          && b <= '9'
          && mantissa < EXACT_FLOAT_INTEGER / 10
          && decimals < POWERS_OF_TEN.length - 1) {
        mantissa = mantissa * 10 + (b - '0');
        digits++;
        decimals = decimals < 0 ? decimals : decimals + 1;
      } else {
        return slowDecimal(from, to);
      }
    }
    if (digits == 0) {
      return slowDecimal(from, to);
    }
    // both operands are exact floats and IEEE division rounds correctly, as parseFloat does
    float value = decimals <= 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals];
    return negative ? -value : value;
  }

  private float slowDecimal(int from, int to) throws IOException {
    try {
      return Float.parseFloat(new String(line, from, to - from, StandardCharsets.ISO_8859_1));
    } catch (NumberFormatException e) {
      throw problem(3, "expected a number, found '" + shown(from, to) + "'");
    }
  }

  private long timestamp(int from, int to) throws IOException {
    boolean negative = from < to && line[from] == '-';
    int start = negative ? from + 1 : from;
    if (start == to || to - start > 18) {
      return slowTimestamp(from, to);
    }
    long value = 0;
    for (int n = start; n < to; n++) {
      byte b = line[n];
      if (b < '0' || b > '9') {
        throw problem(4, "expected epoch seconds (an integer), found '" + shown(from, to) + "'");
      }
      value = value * 10 + (b - '0');
    }
    return negative ? -value : value;
  }

  private long slowTimestamp(int from, int to) throws IOException {
    try {
      return Long.parseLong(new String(line, from, to - from, StandardCharsets.ISO_8859_1));
    } catch (NumberFormatException e) {
      throw problem(4, "expected epoch seconds (an integer), found '" + shown(from, to) + "'");
    }
  }

  private CorruptDatasetException problem(int column, String detail) {
    return new CorruptDatasetException(
        file
            + " line "
            + lineNumber
            + ", column "
            + column
            + " ("
            + COLUMNS[Math.min(column, COLUMNS.length) - 1]
            + "): "
            + detail);
  }

  /** Up to 40 bytes of the field as text, control characters escaped. */
  private String shown(int from, int to) {
    String text =
        ControlChars.escape(
            new String(line, from, Math.min(to, from + 40) - from, StandardCharsets.UTF_8));
    return to - from > 40 ? text + "…" : text;
  }
}
