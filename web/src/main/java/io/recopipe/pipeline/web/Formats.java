package io.recopipe.pipeline.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How the pages print times, durations, numbers and badges, the same way on every page (the
 * templates call these).
 */
final class Formats {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Formats() {}

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

  /** A signed delta, or a dash. */
  static String delta(OptionalDouble value) {
    return value.isPresent() ? delta(value.getAsDouble()) : "–";
  }

  /** A metric value, or a dash when there is none. */
  static String number(OptionalDouble value) {
    return value.isPresent() ? number(value.getAsDouble()) : "–";
  }

  /** A metric value, or a dash when there is none. */
  static String number(Optional<Double> value) {
    return value.map(Formats::number).orElse("–");
  }

  /** A metric value, or a dash when there is none. */
  static String number(Double value) {
    return value == null ? "–" : number(value.doubleValue());
  }

  /** A metric value, or a dash when it is NaN (not measured). */
  static String numberOrDash(double value) {
    return Double.isNaN(value) ? "–" : number(value);
  }

  /** A model version as {@code v3}, or {@code absent}. */
  static String version(Optional<Integer> version, String absent) {
    return version.map(v -> "v" + v).orElse(absent);
  }

  /** The CSS class of a status badge: {@code SUCCEEDED} becomes {@code succeeded}. */
  static String statusClass(Enum<?> status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  /** An outcome code in words: {@code not_comparable} becomes {@code not comparable}. */
  static String words(String code) {
    return code.replace('_', ' ');
  }
}
