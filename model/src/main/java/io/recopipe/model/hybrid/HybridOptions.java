package io.recopipe.model.hybrid;

import io.recopipe.model.als.InvalidOptionsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hybrid model's options ({@code hybrid.*} in a pipeline config), validated together so every
 * problem is reported in one message, as {@link io.recopipe.model.als.AlsOptions} does.
 *
 * @param l2Reg ridge penalty on standardized coefficients (BigQuery ML's l2_reg)
 * @param coldStartFraction fraction of eval users scored as cold when the split has none
 * @param seed seed choosing the simulated cold-start users
 */
public record HybridOptions(double l2Reg, double coldStartFraction, long seed) {
  /** The option names, as written in a config. */
  public static final List<String> NAMES = List.of("l2_reg", "cold_start_fraction", "seed");

  /** The defaults. */
  public static HybridOptions defaults() {
    return new HybridOptions(10.0, 0.1, 42);
  }

  /**
   * Reads options by name; absent ones keep their defaults.
   *
   * @throws InvalidOptionsException listing every unknown name and bad value at once
   */
  public static HybridOptions fromMap(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    HybridOptions d = defaults();
    for (String key : new TreeMap<>(values).keySet()) {
      if (!NAMES.contains(key)) {
        problems.add(
            "unknown hybrid option '" + key + "' (known: " + String.join(", ", NAMES) + ")");
      }
    }
    double l2 = number(values, "l2_reg", d.l2Reg, 1e-9, 1e9, problems);
    double fraction =
        number(values, "cold_start_fraction", d.coldStartFraction, 1e-9, 1.0, problems);
    double seed = number(values, "seed", d.seed, 0, Long.MAX_VALUE, problems);
    if (!problems.isEmpty()) {
      throw new InvalidOptionsException(problems);
    }
    return new HybridOptions(l2, fraction, (long) seed);
  }

  private static double number(
      Map<String, String> values,
      String name,
      double fallback,
      double min,
      double max,
      List<String> problems) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        name
            + " must be a number in "
            + (min == 1e-9 ? "(0" : "[" + fmt(min))
            + ", "
            + fmt(max)
            + "], was '"
            + text
            + "'");
    return fallback;
  }

  private static String fmt(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
