package io.recopipe.components.synthetic;

import java.util.SplittableRandom;

/**
 * Plausible MovieLens-like timestamps: users join over about three years (more early on), then rate
 * in sessions (seconds apart) separated by longer breaks, so time-based splits and the keep-latest
 * duplicate rule have realistic data to work on.
 */
final class RatingTimeline {
  /** 2000-04-25, when MovieLens 1M's ratings begin. */
  static final long START = 956_703_932L;

  /** About 2.75 years, the span of MovieLens 1M. */
  static final long SPAN_SECONDS = 86_400L * 1_000;

  private RatingTimeline() {}

  /** When a user joins: earlier joins are likelier, as a site's early cohort rates the most. */
  static long joinTime(SplittableRandom random) {
    double u = random.nextDouble();
    return START + (long) (u * u * SPAN_SECONDS);
  }

  /** The pause before the next rating: mostly seconds (a session), sometimes hours or weeks. */
  static long nextGap(SplittableRandom random) {
    double kind = random.nextDouble();
    double mean = kind < 0.85 ? 40 : kind < 0.97 ? 3_600 : 14 * 86_400;
    return 1 + (long) (-mean * Math.log(1 - random.nextDouble()));
  }
}
