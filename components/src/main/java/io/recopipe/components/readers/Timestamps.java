package io.recopipe.components.readers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads ISO-8601 times as epoch seconds, for generic files exported from warehouses (a BigQuery
 * TIMESTAMP column exports as text), so they keep the keep-latest duplicate rule.
 */
final class Timestamps {
  private Timestamps() {
  }

  /**
   * Parses {@code 2024-05-01T12:00:00Z}, {@code 2024-05-01 12:00:00+02:00},
   * {@code 2024-05-01T12:00:00} (UTC) or {@code 2024-05-01} (UTC midnight); returns
   * {@link Numbers#INVALID_LONG} otherwise.
   */
  static long parseIso(String text) {
    String iso = text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    try {
      return Instant.parse(iso).getEpochSecond();
    } catch (DateTimeParseException notInstant) {
      // try the other forms
    }
    try {
      return OffsetDateTime.parse(iso).toEpochSecond();
    } catch (DateTimeParseException notOffset) {
      // try the other forms
    }
    try {
      return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException notLocal) {
      // try the other forms
    }
    try {
      return LocalDate.parse(iso).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException notDate) {
      return Numbers.INVALID_LONG;
    }
  }
}
