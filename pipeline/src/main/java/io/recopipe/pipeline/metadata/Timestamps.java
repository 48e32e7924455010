package io.recopipe.pipeline.metadata;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as fixed-width UTC text (nanosecond digits always present), so that SQLite's text
 * ordering is time ordering; {@link Instant#toString()} drops zero fractions and would not sort.
 */
public final class Timestamps {
  private static final DateTimeFormatter FIXED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Fixed-width UTC text of {@code instant} (null stays null). */
  public static String format(Instant instant) {
    return instant == null ? null : FIXED.format(instant);
  }

  /** The instant in {@code text} (null stays null). */
  public static Instant parse(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
