package io.recopipe.components.tuning;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads typed tuning options from text, adding one line naming the option, the value and the
 * allowed range to a shared problem list instead of throwing, so all mistakes surface together.
 */
final class OptionReader {
  private final Map<String, String> values;
  private final List<String> problems;

  OptionReader(Map<String, String> values, List<String> problems) {
    this.values = values;
    this.problems = problems;
  }

  int integer(String name, int fallback, int min, int max) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " must be an integer in " + min + ".." + max + ", was '" + text + "'");
    return fallback;
  }

  /** A number in (0, max]. */
  double fraction(String name, double fallback, double max) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(text);
      if (value > 0 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " must be a number in (0, " + max + "], was '" + text + "'");
    return fallback;
  }

  <T> T parsed(String name, T fallback, Function<String, T> parser, String accepted) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      problems.add(name + " must be " + accepted + ", was '" + text + "'");
      return fallback;
    }
  }

  ParamRange range(String name, ParamRange fallback, double lowest, double highest,
      boolean open) {
    String text = values.get(name);
    return text == null ? fallback
        : ParamRange.parse(name, text, fallback, lowest, highest, open, problems);
  }
}
