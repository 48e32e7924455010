package io.recopipe.pipeline.runner;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * New run ids: UTC time to the second plus random hex, so ids sort by start time, are safe as
 * directory names and never collide between concurrent runs.
 */
final class RunIds {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  static String next() {
    byte[] suffix = new byte[3];
    RANDOM.nextBytes(suffix);
    return TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + HexFormat.of().formatHex(suffix);
  }
}
