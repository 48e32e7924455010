package io.recopipe.pipeline.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages print times, durations and numbers, the same way on every page. */
final class Formats {
  private static final DateTimeFormatter TIME = DateTimeFormatter
      .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Formats() {
  }

  /** An instant in UTC, or a dash. */
  static String time(Instant at) {
    return at == null ? "–" : TIME.format(at);
  }

  /** A duration in ms as {@code 850 ms}, {@code 12.3 s} or {@code 4 min 05 s}; '-' if unknown. */
  static String duration(Long millis) {
    if (millis == null || millis < 0) {
      return "–";
    }
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, millis / 1000 % 60);
  }

  /** A metric value with four significant decimals. */
  static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** A signed delta. */
  static String delta(double value) {
    return String.format(Locale.ROOT, "%+.4f", value);
  }
}
