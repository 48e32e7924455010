package io.recopipe.model.options;

/**
 * How a reader words a problem, so each kind of config keeps the one-line message its users (and
 * tests) know: step sections say {@code export: parameter top_n must be an integer in 1..10000, was
 * 'x'}, keys read with their section say {@code ingest.header: expected true or false, found
 * 'yes'}, and training options say {@code option l2_reg: cannot read 'x' as a number} or {@code
 * l2_reg must be a number > 0 and <= 1e6, was 0.0}.
 */
public final class Wording {
  private enum Style {
    MUST_BE,
    EXPECTED,
    CANNOT_READ
  }

  private final Style style;
  private final String prefix;

  private Wording(Style style, String prefix) {
    this.style = style;
    this.prefix = prefix;
  }

  /** {@code PREFIX name must be an integer in 1..5, was 'x'}, for bad and out-of-range text. */
  public static Wording mustBe(String prefix) {
    return new Wording(Style.MUST_BE, prefix);
  }

  /**
   * {@code KEY: expected an integer, found 'x'}, then {@code KEY: expected an integer in 1..5,
   * found 9}; {@code keyPrefix} is what precedes the name ({@code ingest.}).
   */
  public static Wording expected(String keyPrefix) {
    return new Wording(Style.EXPECTED, keyPrefix);
  }

  /**
   * {@code option name: cannot read 'x' as an integer}, then {@code name must be in 2..200, was
   * 500} for a typed value; bounds such as 10⁶ read {@code 1e6}.
   */
  public static Wording cannotRead() {
    return new Wording(Style.CANNOT_READ, "");
  }

  /** {@code text} of {@code option} could not be read as its type. */
  public String unreadable(Option<?> option, String text) {
    return switch (style) {
      case MUST_BE ->
          prefix + option.name() + " must be " + expected(option) + ", was '" + text + "'";
      case EXPECTED ->
          prefix + option.name() + ": expected " + option.type().noun() + ", found '" + text + "'";
      case CANNOT_READ ->
          "option " + option.name() + ": cannot read '" + text + "' as " + option.type().noun();
    };
  }

  /** {@code value}, read from {@code text}, is outside {@code option}'s range. */
  public String outside(Option<?> option, String text, Object value) {
    return switch (style) {
      case MUST_BE -> unreadable(option, text);
      case EXPECTED ->
          prefix
              + option.name()
              + ": expected "
              + expected(option)
              + ", found "
              + (option.type().integral() ? String.valueOf(value) : text);
      case CANNOT_READ -> option.name() + " must be " + allowed(option) + ", was " + value;
    };
  }

  /** {@code option} has no value and needs one. */
  public String missing(Option<?> option) {
    return switch (style) {
      case MUST_BE -> prefix + option.name() + " must be " + expected(option);
      case EXPECTED ->
          prefix + option.name() + ": expected " + expected(option) + ", found nothing";
      case CANNOT_READ -> option.name() + " must be " + option.type().noun();
    };
  }

  /** "an integer in 1..5", "a number in (0, 1)", "true or false". */
  private static String expected(Option<?> option) {
    Range range = option.range();
    if (range == null) {
      return option.type().noun();
    }
    return option.type().noun()
        + " in "
        + (range.isClosed() ? range.dots(Wording::plain) : range.interval(Wording::plain))
        + range.note();
  }

  /** "in 2..200 (BigQuery ML's range)", "a number > 0 and <= 1e6". */
  private static String allowed(Option<?> option) {
    Range range = option.range();
    return (range.isClosed()
            ? "in " + range.dots(Wording::compact)
            : option.type().noun() + " " + range.bounds(Wording::compact))
        + range.note();
  }

  /** Whole numbers without a fraction, others as Java prints them. */
  private static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  /** As {@link #plain}, with powers of ten from 10⁶ on as {@code 1e6}. */
  private static String compact(double value) {
    int exponent = (int) Math.round(Math.log10(Math.abs(value)));
    if (Math.abs(value) >= 1e6 && value == Math.pow(10, exponent)) {
      return "1e" + exponent;
    }
    return plain(value);
  }
}
