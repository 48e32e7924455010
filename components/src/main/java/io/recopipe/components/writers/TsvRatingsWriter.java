package io.recopipe.components.writers;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.error.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes ratings as tab-separated {@code user item rating timestamp} lines without a header, the
 * MovieLens {@code u.data} layout, so generated data reads back through the same readers (and other
 * tools) as real data; integral ratings are written without a decimal point.
 */
public final class TsvRatingsWriter {
  /** Rows per block formatted by one task: large enough to amortize it, small in memory. */
  private static final int BLOCK_ROWS = 1 << 16;

  /** "00", "01", … "99", two bytes each. */
  private static final byte[] DIGIT_PAIRS = new byte[200];

  private static final long EIGHT_DIGITS = 100_000_000L;

  /** 10^0 .. 10^18. */
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    for (int n = 0; n < 100; n++) {
      DIGIT_PAIRS[2 * n] = (byte) ('0' + n / 10);
      DIGIT_PAIRS[2 * n + 1] = (byte) ('0' + n % 10);
    }
    POWERS_OF_TEN[0] = 1;
    for (int n = 1; n < POWERS_OF_TEN.length; n++) {
      POWERS_OF_TEN[n] = POWERS_OF_TEN[n - 1] * 10;
    }
  }

  private TsvRatingsWriter() {}

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
   * {@code isEval} flags it, else to {@code train}, in row order: each line is formatted once, so
   * the three files cost little more than one, and blocks of rows are formatted on all cores and
   * written in order (the bytes never depend on the thread count). A null {@code isEval} writes
   * {@code all} only.
   */
  public static void writeSplit(
      Ratings ratings, boolean[] isEval, OutputStream all, OutputStream train, OutputStream eval)
      throws IOException {
    byte[][] users = encode(ratings.users());
    byte[][] items = encode(ratings.items());
    int blocks = (ratings.size() + BLOCK_ROWS - 1) / BLOCK_ROWS;
    int workers = Math.min(blocks, Runtime.getRuntime().availableProcessors());
    ConcurrentLinkedQueue<Block> free = new ConcurrentLinkedQueue<>();
    if (workers <= 1) {
      for (int from = 0; from < ratings.size(); from += BLOCK_ROWS) {
        Block block =
            format(
                ratings,
                isEval,
                users,
                items,
                from,
                Math.min(ratings.size(), from + BLOCK_ROWS),
                free);
        block.writeTo(all, train, eval);
        free.add(block);
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            runnable -> {
              Thread thread = new Thread(runnable, "tsv-ratings-format");
              thread.setDaemon(true);
              return thread;
            });
    try {
      ArrayDeque<Future<Block>> pending = new ArrayDeque<>();
      int submitted = 0;
      for (int written = 0; written < blocks; written++) {
        while (submitted < blocks && pending.size() < 2 * workers) {
          int from = submitted++ * BLOCK_ROWS;
          int to = Math.min(ratings.size(), from + BLOCK_ROWS);
          pending.add(pool.submit(() -> format(ratings, isEval, users, items, from, to, free)));
        }
        Block block = pending.remove().get();
        block.writeTo(all, train, eval);
        free.add(block);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing ratings", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IOException("cannot format ratings: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Formats rows {@code from .. to - 1}: every line into {@code all}, each into its split, in a
   * block from {@code free} (written blocks come back there, so buffers are reused).
   */
  private static Block format(
      Ratings ratings,
      boolean[] isEval,
      byte[][] users,
      byte[][] items,
      int from,
      int to,
      ConcurrentLinkedQueue<Block> free) {
    Block reused = free.poll();
    Block block = reused != null ? reused.cleared() : new Block(isEval != null);
    for (int n = from; n < to; n++) {
      byte[] user = users[ratings.user(n)];
      byte[] item = items[ratings.item(n)];
      byte[] line = block.all.room(user.length + item.length + 64);
      int start = block.all.length;
      int at = copy(user, line, start);
      line[at++] = '\t';
      at = copy(item, line, at);
      line[at++] = '\t';
      at = rating(ratings.rating(n), line, at);
      line[at++] = '\t';
      at = digits(ratings.timestamp(n), line, at);
      line[at++] = '\n';
      block.all.length = at;
      if (isEval != null) {
        (isEval[n] ? block.eval : block.train).add(line, start, at - start);
      }
    }
    return block;
  }

  /** One block's lines for each output. */
  private static final class Block {
    final Bytes all = new Bytes();
    final Bytes train;
    final Bytes eval;

    Block(boolean split) {
      train = split ? new Bytes() : null;
      eval = split ? new Bytes() : null;
    }

    Block cleared() {
      all.length = 0;
      if (train != null) {
        train.length = 0;
        eval.length = 0;
      }
      return this;
    }

    void writeTo(OutputStream allOut, OutputStream trainOut, OutputStream evalOut)
        throws IOException {
      all.writeTo(allOut);
      if (train != null) {
        train.writeTo(trainOut);
        eval.writeTo(evalOut);
      }
    }
  }

  /** A growable byte buffer. */
  private static final class Bytes {
    private byte[] bytes = new byte[1 << 12];
    private int length;

    /** The buffer, grown first if fewer than {@code needed} bytes are free. */
    byte[] room(int needed) {
      if (bytes.length - length < needed) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + needed));
      }
      return bytes;
    }

    void add(byte[] from, int offset, int count) {
      System.arraycopy(from, offset, room(count), length, count);
      length += count;
    }

    void writeTo(OutputStream out) throws IOException {
      out.write(bytes, 0, length);
    }
  }

  private static byte[][] encode(IdDictionary ids) {
    byte[][] encoded = new byte[ids.size()][];
    for (int n = 0; n < encoded.length; n++) {
      String id = ids.id(n);
      if (id.indexOf('\t') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
        throw new InvalidInputException(
            "id '"
                + id
                + "' contains a tab or line break and"
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

  /**
   * Writes a long in decimal without allocating, two digits at a time from a table: one long
   * division per eight digits, the rest in int arithmetic (a timestamp has ten digits).
   */
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
    while (value >= EIGHT_DIGITS) {
      long quotient = value / EIGHT_DIGITS;
      int low = (int) (value - quotient * EIGHT_DIGITS);
      for (int pairs = 0; pairs < 4; pairs++) {
        position = pair(low % 100, line, position);
        low /= 100;
      }
      value = quotient;
    }
    int rest = (int) value;
    while (rest >= 100) {
      position = pair(rest % 100, line, position);
      rest /= 100;
    }
    if (rest >= 10) {
      pair(rest, line, position);
    } else {
      line[position - 1] = (byte) ('0' + rest);
    }
    return end;
  }

  /** Writes two digits of {@code value} (0..99) just before {@code position}; returns the start. */
  private static int pair(int value, byte[] line, int position) {
    line[position - 1] = DIGIT_PAIRS[2 * value + 1];
    line[position - 2] = DIGIT_PAIRS[2 * value];
    return position - 2;
  }

  /** How many decimal digits a non-negative long has: from its bit length, corrected once. */
  static int length(long value) {
    int guess = ((64 - Long.numberOfLeadingZeros(value | 1)) * 1233) >>> 12;
    return Math.max(1, guess + 1 - (value < POWERS_OF_TEN[guess] ? 1 : 0));
  }
}
