package io.recopipe.components.ingest;

import io.recopipe.components.warehouse.ColumnRows;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The sorted ratings as the columns {@code user_id}, {@code item_id}, {@code rating} and {@code
 * timestamp} of {@link IngestTables#RATINGS}, valued exactly as the warehouse reads them from
 * {@code ratings.tsv}: integer ids as their numbers, other ids as their UTF-8 bytes (an empty one
 * as NULL, as an empty field reads), a rating as the double its written text parses to; so the
 * warehouse can load the rows from memory instead of parsing the file ingest has just written.
 */
final class RatingsColumns implements ColumnRows {
  private static final int RATING_CACHE = 256;

  private final Ratings ratings;
  private final long[] userNumbers;
  private final long[] itemNumbers;
  private final byte[][] userText;
  private final byte[][] itemText;
  private final int[] cachedBits = new int[RATING_CACHE];
  private final double[] cachedValues = new double[RATING_CACHE];
  private final boolean[] cached = new boolean[RATING_CACHE];

  private RatingsColumns(Ratings ratings, Set<String> integerIds) {
    this.ratings = ratings;
    boolean users = integerIds.contains("user_id");
    boolean items = integerIds.contains("item_id");
    userNumbers = users ? numbers(ratings.users()) : null;
    itemNumbers = items ? numbers(ratings.items()) : null;
    userText = users ? null : text(ratings.users());
    itemText = items ? null : text(ratings.items());
  }

  /**
   * The columns of {@code ratings}, whose {@code integerIds} id columns hold canonical integers;
   * null when a rating is not finite (its text is left to the file's reader).
   */
  static RatingsColumns of(Ratings ratings, Set<String> integerIds) {
    for (int n = 0; n < ratings.size(); n++) {
      if (!Float.isFinite(ratings.rating(n))) {
        return null;
      }
    }
    return new RatingsColumns(ratings, integerIds);
  }

  @Override
  public int size() {
    return ratings.size();
  }

  @Override
  public long longValue(int column, int row) {
    return switch (column) {
      case 0 -> userNumbers[ratings.user(row)];
      case 1 -> itemNumbers[ratings.item(row)];
      case 3 -> ratings.timestamp(row);
      default -> throw new IllegalArgumentException("column " + column + " is not BIGINT");
    };
  }

  @Override
  public void longValues(int column, int from, long[] into, int count) {
    switch (column) {
      case 0 -> {
        for (int k = 0; k < count; k++) {
          into[k] = userNumbers[ratings.user(from + k)];
        }
      }
      case 1 -> {
        for (int k = 0; k < count; k++) {
          into[k] = itemNumbers[ratings.item(from + k)];
        }
      }
      case 3 -> {
        for (int k = 0; k < count; k++) {
          into[k] = ratings.timestamp(from + k);
        }
      }
      default -> throw new IllegalArgumentException("column " + column + " is not BIGINT");
    }
  }

  /**
   * The rating as the double the text {@code TsvRatingsWriter} writes for it parses to: a whole
   * number exactly (-0 as 0), anything else by its shortest decimal form (0.1f as 0.1).
   */
  @Override
  public double doubleValue(int column, int row) {
    if (column != 2) {
      throw new IllegalArgumentException("column " + column + " is not DOUBLE");
    }
    float rating = ratings.rating(row);
    if (rating == Math.rint(rating) && Math.abs(rating) < 1e15f) {
      return (long) rating;
    }
    int bits = Float.floatToIntBits(rating);
    int slot = (bits ^ bits >>> 16) & (RATING_CACHE - 1);
    if (!cached[slot] || cachedBits[slot] != bits) {
      cachedValues[slot] = Double.parseDouble(Float.toString(rating));
      cachedBits[slot] = bits;
      cached[slot] = true;
    }
    return cachedValues[slot];
  }

  @Override
  public byte[] text(int column, int row) {
    return switch (column) {
      case 0 -> userText[ratings.user(row)];
      case 1 -> itemText[ratings.item(row)];
      default -> throw new IllegalArgumentException("column " + column + " is not VARCHAR");
    };
  }

  private static long[] numbers(IdDictionary ids) {
    long[] numbers = new long[ids.size()];
    for (int n = 0; n < numbers.length; n++) {
      numbers[n] = Long.parseLong(ids.id(n));
    }
    return numbers;
  }

  private static byte[][] text(IdDictionary ids) {
    byte[][] text = new byte[ids.size()][];
    for (int n = 0; n < text.length; n++) {
      String id = ids.id(n);
      text[n] = id.isEmpty() ? null : id.getBytes(StandardCharsets.UTF_8);
    }
    return text;
  }
}
