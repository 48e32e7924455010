package io.recopipe.model.options;

import java.util.function.DoubleFunction;

/**
 * The values a numeric option allows, with an optional reason shown next to them, so a typo such as
 * a 10⁹ iteration count is refused with the bounds instead of running forever.
 *
 * @param min the lower bound
 * @param minOpen whether {@code min} itself is excluded
 * @param max the upper bound
 * @param maxOpen whether {@code max} itself is excluded
 * @param reason why these bounds, shown in parentheses after them; empty for none
 */
public record Range(double min, boolean minOpen, double max, boolean maxOpen, String reason) {
  /** {@code min..max}, both included. */
  public static Range closed(double min, double max) {
    return new Range(min, false, max, false, "");
  }

  /** Above {@code min} and at most {@code max}: {@code (min, max]}. */
  public static Range above(double min, double max) {
    return new Range(min, true, max, false, "");
  }

  /** Strictly between {@code min} and {@code max}: {@code (min, max)}. */
  public static Range open(double min, double max) {
    return new Range(min, true, max, true, "");
  }

  /** This range with {@code why} shown after its bounds. */
  public Range because(String why) {
    return new Range(min, minOpen, max, maxOpen, why);
  }

  /** Whether {@code value} is inside; NaN never is. */
  public boolean contains(double value) {
    return (minOpen ? value > min : value >= min) && (maxOpen ? value < max : value <= max);
  }

  /** Whether both bounds are included. */
  public boolean isClosed() {
    return !minOpen && !maxOpen;
  }

  /** {@code 2..200}. */
  String dots(DoubleFunction<String> format) {
    return format.apply(min) + ".." + format.apply(max);
  }

  /** {@code (0, 0.5]}. */
  String interval(DoubleFunction<String> format) {
    return (minOpen ? "(" : "[")
        + format.apply(min)
        + ", "
        + format.apply(max)
        + (maxOpen ? ")" : "]");
  }

  /** {@code > 0 and <= 1e6}. */
  String bounds(DoubleFunction<String> format) {
    return (minOpen ? "> " : ">= ")
        + format.apply(min)
        + " and "
        + (maxOpen ? "< " : "<= ")
        + format.apply(max);
  }

  /** The reason in parentheses with a leading space, or nothing. */
  String note() {
    return reason.isEmpty() ? "" : " (" + reason + ")";
  }
}
