package io.recopipe.pipeline.insight;

import java.util.ArrayList;
import java.util.List;

/**
 * An axis range widened to round tick values (steps of 1, 2 or 5 times a power of ten), so that
 * tick labels read as 0.5, 1.0, 1.5 rather than 0.4873, 0.9746.
 *
 * @param min the lowest tick
 * @param max the highest tick
 * @param step the distance between ticks
 */
record NiceRange(double min, double max, double step) {

  /** The range covering {@code [low, high]} with about {@code ticks} ticks. */
  static NiceRange covering(double low, double high, int ticks) {
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      low = 0;
      high = 1;
    }
    if (high < low) {
      double swap = low;
      low = high;
      high = swap;
    }
    if (high - low < 1e-12) {
      double pad = Math.abs(low) > 1e-12 ? Math.abs(low) * 0.1 : 1;
      low -= pad;
      high += pad;
    }
    double step = roundStep((high - low) / Math.max(1, ticks - 1));
    return new NiceRange(
        Math.floor(low / step + 1e-9) * step, Math.ceil(high / step - 1e-9) * step, step);
  }

  private static double roundStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / power;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * power;
  }

  /** The tick values from {@code min} to {@code max}. */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    long count = Math.round((max - min) / step);
    for (long n = 0; n <= count; n++) {
      double tick = min + n * step;
      ticks.add(Math.abs(tick) < step * 1e-9 ? 0.0 : tick);
    }
    return ticks;
  }

  /** How many decimals a tick label needs to tell ticks apart. */
  int decimals() {
    return (int) Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  }

  /** Maps {@code value} linearly from this range onto {@code [from, to]}. */
  double map(double value, double from, double to) {
    return from + (value - min) / (max - min) * (to - from);
  }
}
