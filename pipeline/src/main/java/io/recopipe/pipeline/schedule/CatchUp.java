package io.recopipe.pipeline.schedule;

import java.util.Locale;

/**
 * What the scheduler does about firing times it missed while it was down (or could not tick):
 * either way it never starts more than one run for them.
 */
public enum CatchUp {
  /** Missed firings are recorded as one skipped firing; nothing runs late (the default). */
  NONE,
  /** One run starts for the latest missed firing; the earlier ones are recorded as skipped. */
  LATEST;

  /** The policy named {@code text} ({@code none} or {@code latest}), or null when none is. */
  static CatchUp parse(String text) {
    for (CatchUp catchUp : values()) {
      if (catchUp.label().equals(text)) {
        return catchUp;
      }
    }
    return null;
  }

  /** The lower-case name users type. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
