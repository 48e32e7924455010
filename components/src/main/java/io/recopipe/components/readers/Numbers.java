package io.recopipe.components.readers;

/**
 * Parses numbers straight from a range of a line, without substrings or exceptions on the hot path:
 * reading a million ratings spends its time here, so invalid input is signalled by a sentinel
 * ({@link #INVALID_LONG}, {@code NaN}) and turned into a message by the caller.
 */
final class Numbers {
  /** Returned by {@link #parseLong} for text that is not an integer in range. */
  static final long INVALID_LONG = Long.MIN_VALUE;

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18
  };

  private Numbers() {}

  /** Parses an optionally signed decimal integer; {@link #INVALID_LONG} otherwise. */
  static long parseLong(CharSequence text, int from, int to) {
    while (from < to && text.charAt(from) == ' ') {
      from++;
    }
    while (to > from && text.charAt(to - 1) == ' ') {
      to--;
    }
    boolean negative = from < to && text.charAt(from) == '-';
    if (negative || from < to && text.charAt(from) == '+') {
      from++;
    }
    if (from == to || to - from > 18) {
      return INVALID_LONG;
    }
    long value = 0;
    for (int n = from; n < to; n++) {
      int digit = text.charAt(n) - '0';
      if (digit < 0 || digit > 9) {
        return INVALID_LONG;
      }
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  /** Parses an int id, or returns -1 when the text is not a non-negative int. */
  static int parseNonNegativeInt(CharSequence text, int from, int to) {
    long value = parseLong(text, from, to);
    return value < 0 || value > Integer.MAX_VALUE ? -1 : (int) value;
  }

  /**
   * Parses a decimal number ({@code 4}, {@code 3.5}, {@code -1e2}); returns NaN for anything else,
   * including the text {@code NaN}, so a NaN rating is always rejected.
   */
  static float parseFloat(CharSequence text, int from, int to) {
    while (from < to && text.charAt(from) == ' ') {
      from++;
    }
    while (to > from && text.charAt(to - 1) == ' ') {
      to--;
    }
    int n = from;
    boolean negative = n < to && text.charAt(n) == '-';
    if (negative || n < to && text.charAt(n) == '+') {
      n++;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = 0;
    boolean point = false;
    for (; n < to; n++) {
      char c = text.charAt(n);
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        fractionDigits += point ? 1 : 0;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (n == to && digits > 0 && digits <= 18) {
      double value = mantissa / POWERS_OF_TEN[fractionDigits];
      return (float) (negative ? -value : value);
    }
    return slowParse(text, from, to);
  }

  private static float slowParse(CharSequence text, int from, int to) {
    for (int n = from; n < to; n++) {
      char c = text.charAt(n);
      boolean allowed =
          c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!allowed) {
        return Float.NaN;
      }
    }
    try {
      return from == to ? Float.NaN : Float.parseFloat(text.subSequence(from, to).toString());
    } catch (NumberFormatException e) {
      return Float.NaN;
    }
  }
}
