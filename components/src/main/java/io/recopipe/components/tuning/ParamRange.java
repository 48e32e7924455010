package io.recopipe.components.tuning;

import java.util.List;
import java.util.Locale;

/**
 * A closed search interval for one hyperparameter, linear or logarithmic, as BigQuery ML's {@code
 * HPARAM_RANGE}: a log range spends as many trials on 0.01..0.1 as on 1..10, which suits a
 * regularization strength whose effect is multiplicative.
 *
 * @param min the lower bound
 * @param max the upper bound (≥ min)
 * @param log whether values are spread evenly on a log scale
 */
public record ParamRange(double min, double max, boolean log) {
  /**
   * Reads {@code text} ("2,64", a YAML list flattened by the config loader, or "[2, 64]"), adding
   * one problem per fault to {@code problems}; returns {@code fallback} when it fails.
   *
   * @param lowest the smallest allowed bound
   * @param highest the largest allowed bound
   * @param open whether {@code lowest} itself is excluded (l2_reg must be > 0)
   */
  static ParamRange parse(
      String name,
      String text,
      ParamRange fallback,
      double lowest,
      double highest,
      boolean open,
      List<String> problems) {
    String allowed = (open ? "(" : "[") + plain(lowest) + ", " + plain(highest) + "]";
    String[] parts = text.replace("[", "").replace("]", "").split(",");
    try {
      if (parts.length == 2) {
        double min = Double.parseDouble(parts[0].trim());
        double max = Double.parseDouble(parts[1].trim());
        boolean inside = (open ? min > lowest : min >= lowest) && max <= highest;
        if (inside && min <= max) {
          return new ParamRange(min, max, fallback.log());
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        name
            + " must be two numbers [min, max] with min <= max inside "
            + allowed
            + ", was '"
            + text
            + "'");
    return fallback;
  }

  /** The value at fraction {@code t} (0..1) of the way from min to max on this range's scale. */
  double at(double t) {
    if (log) {
      return Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min)));
    }
    return min + t * (max - min);
  }

  private static String plain(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%s", value);
  }
}
