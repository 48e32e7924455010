package io.recopipe.components.readers;

/**
 * Reads one timestamp column as epoch seconds: integers are epoch seconds or, when the column's
 * first value is at least 100,000,000,000 (in seconds that would be after the year 5000), epoch
 * milliseconds for the whole column; text is ISO-8601 or BigQuery's export form (see {@link
 * IsoTimes}). One parser per column, because the unit is decided once per column.
 */
public final class TimestampParser {
  /** Returned for text that is no time in any accepted form. */
  public static final long INVALID = Numbers.INVALID_LONG;

  /** The smallest first value that makes an integer column milliseconds. */
  public static final long MILLIS_FROM = 100_000_000_000L;

  /** What a timestamp may look like, for messages. */
  public static final String FORMS =
      "epoch seconds or milliseconds, an ISO-8601 date or time, or '2000-12-31 22:12:40 UTC'";

  private Boolean millis;

  /** Epoch seconds of {@code text[from, to)}, or {@link #INVALID}. */
  long parse(CharSequence text, int from, int to) {
    long value = Numbers.parseLong(text, from, to);
    if (value != Numbers.INVALID_LONG) {
      if (millis == null) {
        millis = Math.abs(value) >= MILLIS_FROM;
      }
      return millis ? Math.floorDiv(value, 1000L) : value;
    }
    return IsoTimes.parse(text, from, to);
  }

  /** Epoch seconds of {@code text}, or {@link #INVALID}. */
  public long parse(String text) {
    return parse(text, 0, text.length());
  }

  /** Whether the column's integers were read as milliseconds (false before the first integer). */
  public boolean millis() {
    return millis != null && millis;
  }
}
