package io.recopipe.components.writers;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes ratings as tab-separated {@code user item rating timestamp} lines without a header, the
 * MovieLens {@code u.data} layout, so generated data reads back through the same readers (and
 * other tools) as real data; integral ratings are written without a decimal point.
 */
public final class TsvRatingsWriter {
  private static final int LINE_MAX = 256;

  private TsvRatingsWriter() {
  }

  /** Writes {@code ratings} to {@code target} atomically. */
  public static void write(Ratings ratings, Path target) throws IOException {
    AtomicFiles.write(target, out -> writeTo(ratings, out));
  }

  /** Writes {@code ratings} to {@code out} in row order. */
  public static void writeTo(Ratings ratings, OutputStream out) throws IOException {
    byte[][] users = encode(ratings.users());
    byte[][] items = encode(ratings.items());
    byte[] line = new byte[LINE_MAX];
    for (int n = 0; n < ratings.size(); n++) {
      byte[] user = users[ratings.user(n)];
      byte[] item = items[ratings.item(n)];
      if (user.length + item.length + 64 > line.length) {
        line = new byte[user.length + item.length + 64];
      }
      int at = copy(user, line, 0);
      line[at++] = '\t';
      at = copy(item, line, at);
      line[at++] = '\t';
      at = rating(ratings.rating(n), line, at);
      line[at++] = '\t';
      at = digits(ratings.timestamp(n), line, at);
      line[at++] = '\n';
      out.write(line, 0, at);
    }
  }

  private static byte[][] encode(IdDictionary ids) {
    byte[][] encoded = new byte[ids.size()][];
    for (int n = 0; n < encoded.length; n++) {
      String id = ids.id(n);
      if (id.indexOf('\t') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("id '" + id + "' contains a tab or line break and"
            + " cannot be written tab-separated");
      }
      encoded[n] = id.getBytes(StandardCharsets.UTF_8);
    }
    return encoded;
  }

  private static int copy(byte[] from, byte[] to, int at) {
    System.arraycopy(from, 0, to, at, from.length);
    return at + from.length;
  }

  private static int rating(float rating, byte[] line, int at) {
    if (rating == Math.rint(rating) && Math.abs(rating) < 1e15f) {
      return digits((long) rating, line, at);
    }
    byte[] text = Float.toString(rating).getBytes(StandardCharsets.US_ASCII);
    return copy(text, line, at);
  }

  /** Writes a long in decimal without allocating. */
  static int digits(long value, byte[] line, int at) {
    if (value == Long.MIN_VALUE) {
      return copy(Long.toString(value).getBytes(StandardCharsets.US_ASCII), line, at);
    }
    if (value < 0) {
      line[at++] = '-';
      value = -value;
    }
    int start = at;
    do {
      line[at++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
    for (int left = start, right = at - 1; left < right; left++, right--) {
      byte swap = line[left];
      line[left] = line[right];
      line[right] = swap;
    }
    return at;
  }
}
