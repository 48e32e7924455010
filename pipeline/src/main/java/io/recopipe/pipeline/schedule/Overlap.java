package io.recopipe.pipeline.schedule;

import java.util.Locale;

/**
 * What a firing does while the schedule's previous run is still running, so that a slow run is
 * never joined by a second one writing the same warehouse.
 */
public enum Overlap {
  /** The firing is recorded as skipped (the default). */
  SKIP,
  /** The firing waits and starts when the previous run ends; at most one waits. */
  QUEUE;

  /** The policy named {@code text} ({@code skip} or {@code queue}), or null when none is. */
  static Overlap parse(String text) {
    for (Overlap overlap : values()) {
      if (overlap.label().equals(text)) {
        return overlap;
      }
    }
    return null;
  }

  /** The lower-case name users type. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
