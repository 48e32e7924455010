package io.recopipe.components.readers;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parses the written time forms warehouses export, as epoch seconds, without exceptions or
 * substrings per row: ISO-8601 dates and date-times ({@code 2024-05-01}, {@code
 * 2024-05-01T12:00:00Z}, {@code 2024-05-01 12:00:00.25+02:00}) and BigQuery's CSV export form
 * ({@code 2000-12-31 22:12:40 UTC}); a time without a zone is UTC, fractions are dropped.
 */
final class IsoTimes {
  private static final long SECONDS_PER_DAY = 86_400;

  private IsoTimes() {}

  /** Epoch seconds of the time in {@code text[from, to)}, or {@link Numbers#INVALID_LONG}. */
  static long parse(CharSequence text, int from, int to) {
    while (from < to && text.charAt(from) == ' ') {
      from++;
    }
    while (to > from && text.charAt(to - 1) == ' ') {
      to--;
    }
    Scanner in = new Scanner(text, from, to);
    int year = in.digits(4);
    int month = in.expect('-') ? in.digits(2) : -1;
    int day = in.expect('-') ? in.digits(2) : -1;
    if (year < 0 || month < 0 || day < 0) {
      return Numbers.INVALID_LONG;
    }
    long seconds = 0;
    if (!in.atEnd()) {
      if (!in.expect('T') && !in.expect(' ')) {
        return Numbers.INVALID_LONG;
      }
      int hour = in.digits(2);
      int minute = in.expect(':') ? in.digits(2) : -1;
      int second = in.expect(':') ? in.digits(2) : 0;
      if (second >= 0 && in.expect('.') && in.fraction() == 0) {
        return Numbers.INVALID_LONG;
      }
      if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
        return Numbers.INVALID_LONG;
      }
      long offset = in.offsetSeconds();
      if (offset == Numbers.INVALID_LONG || !in.atEnd()) {
        return Numbers.INVALID_LONG;
      }
      seconds = hour * 3600L + minute * 60L + Math.min(second, 59) - offset;
    }
    try {
      return LocalDate.of(year, month, day).toEpochDay() * SECONDS_PER_DAY + seconds;
    } catch (DateTimeException invalidDate) {
      return Numbers.INVALID_LONG;
    }
  }

  /** A cursor over the text with the few token readers the forms above need. */
  private static final class Scanner {
    private final CharSequence text;
    private final int to;
    private int at;

    Scanner(CharSequence text, int from, int to) {
      this.text = text;
      this.at = from;
      this.to = to;
    }

    boolean atEnd() {
      return at == to;
    }

    boolean expect(char c) {
      if (at < to && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    /** Exactly {@code count} digits as a number, or -1. */
    int digits(int count) {
      if (to - at < count) {
        return -1;
      }
      int value = 0;
      for (int n = 0; n < count; n++) {
        char c = text.charAt(at + n);
        if (c < '0' || c > '9') {
          return -1;
        }
        value = value * 10 + (c - '0');
      }
      at += count;
      return value;
    }

    /** Skips the digits of a fraction and returns how many there were. */
    int fraction() {
      int start = at;
      while (at < to && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
        at++;
      }
      return at - start;
    }

    /**
     * Reads {@code Z}, {@code UTC}, {@code ±HH}, {@code ±HH:MM} or {@code ±HHMM} after an optional
     * space (nothing means UTC); returns the offset east of UTC in seconds.
     */
    long offsetSeconds() {
      expect(' ');
      if (atEnd() || expect('Z')) {
        return 0;
      }
      if (expect('U')) {
        return expect('T') && expect('C') ? 0 : Numbers.INVALID_LONG;
      }
      int sign = expect('+') ? 1 : expect('-') ? -1 : 0;
      int hours = sign == 0 ? -1 : digits(2);
      if (hours < 0 || hours > 18) {
        return Numbers.INVALID_LONG;
      }
      expect(':');
      int minutes = atEnd() ? 0 : digits(2);
      if (minutes < 0 || minutes > 59) {
        return Numbers.INVALID_LONG;
      }
      return sign * (hours * 3600L + minutes * 60L);
    }
  }
}
