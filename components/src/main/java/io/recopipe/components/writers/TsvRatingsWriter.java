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
  private TsvRatingsWriter() {
  }

  /** Writes {@code ratings} to {@code target} atomically. */
  public static void write(Ratings ratings, Path target) throws IOException {
    AtomicFiles.write(target, out -> writeTo(ratings, out));
  }

  /** Writes {@code ratings} to {@code out} in row order. */
  public static void writeTo(Ratings ratings, OutputStream out) throws IOException {
    writeSplit(ratings, null, out, null, null);
  }

  /**
   * Writes every row of {@code ratings} to {@code all} and each row also to {@code eval} when
   * {@code isEval} flags it, else to {@code train}, in row order: each line is formatted once,
   * so the three files cost little more than one. A null {@code isEval} writes {@code all} only.
   */
  public static void writeSplit(Ratings ratings, boolean[] isEval, OutputStream all,
      OutputStream train, OutputStream eval) throws IOException {
    byte[][] users = encode(ratings.users());
    byte[][] items = encode(ratings.items());
    Chunk allChunk = new Chunk(all);
    Chunk trainChunk = isEval == null ? null : new Chunk(train);
    Chunk evalChunk = isEval == null ? null : new Chunk(eval);
    for (int n = 0; n < ratings.size(); n++) {
      byte[] user = users[ratings.user(n)];
      byte[] item = items[ratings.item(n)];
      byte[] line = allChunk.room(user.length + item.length + 64);
      int from = allChunk.length;
      int at = copy(user, line, from);
      line[at++] = '\t';
      at = copy(item, line, at);
      line[at++] = '\t';
      at = rating(ratings.rating(n), line, at);
      line[at++] = '\t';
      at = digits(ratings.timestamp(n), line, at);
      line[at++] = '\n';
      allChunk.length = at;
      if (isEval != null) {
        (isEval[n] ? evalChunk : trainChunk).add(line, from, at - from);
      }
    }
    allChunk.flush();
    if (isEval != null) {
      trainChunk.flush();
      evalChunk.flush();
    }
  }

  /** Lines gathered into one buffer and written in large blocks. */
  private static final class Chunk {
    private final OutputStream out;
    private byte[] bytes = new byte[1 << 16];
    private int length;

    Chunk(OutputStream out) {
      this.out = out;
    }

    /** The buffer, flushed first if fewer than {@code needed} bytes are free. */
    byte[] room(int needed) throws IOException {
      if (bytes.length - length < needed) {
        flush();
        if (bytes.length < needed) {
          bytes = new byte[needed];
        }
      }
      return bytes;
    }

    void add(byte[] from, int offset, int count) throws IOException {
      System.arraycopy(from, offset, room(count), length, count);
      length += count;
    }

    void flush() throws IOException {
      out.write(bytes, 0, length);
      length = 0;
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
    if (rating >= 0 && rating <= 9 && rating == (int) rating) {
      line[at] = (byte) ('0' + (int) rating);
      return at + 1;
    }
    if (rating == Math.rint(rating) && Math.abs(rating) < 1e15f) {
      return digits((long) rating, line, at);
    }
    byte[] text = Float.toString(rating).getBytes(StandardCharsets.US_ASCII);
    return copy(text, line, at);
  }

  /** Writes a long in decimal without allocating, two digits at a time. */
  static int digits(long value, byte[] line, int at) {
    if (value == Long.MIN_VALUE) {
      return copy(Long.toString(value).getBytes(StandardCharsets.US_ASCII), line, at);
    }
    if (value < 0) {
      line[at++] = '-';
      value = -value;
    }
    int end = at + length(value);
    int position = end;
    while (value >= 100) {
      int pair = (int) (value % 100);
      value /= 100;
      line[--position] = (byte) ('0' + pair % 10);
      line[--position] = (byte) ('0' + pair / 10);
    }
    if (value >= 10) {
      line[--position] = (byte) ('0' + value % 10);
      value /= 10;
    }
    line[--position] = (byte) ('0' + value);
    return end;
  }

  /** How many decimal digits a non-negative long has. */
  private static int length(long value) {
    int length = 1;
    for (long bound = 10; length < 19 && value >= bound; bound *= 10) {
      length++;
    }
    return length;
  }
}
