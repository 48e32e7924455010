package io.recopipe.pipeline.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one tick does with the firing times that came due since the last one: the catch-up rule,
 * which turns any number of due times into at most one run, so a scheduler that was down (or a
 * schedule that fell behind) never starts a burst of missed runs.
 *
 * <p>The latest due time counts as on time when it is at most {@code tolerance} before now (a tick
 * is late by up to its interval); it then fires whatever the catch-up policy. Due times before it
 * were missed: with {@link CatchUp#NONE} they are recorded as one skipped firing and, when the
 * latest is late too, nothing runs; with {@link CatchUp#LATEST} the latest runs, late if need be,
 * and its reason counts the skipped ones.
 *
 * @param fireAt the planned time of the one firing to start, if any
 * @param note why that firing is special (late, after skipped ones), null when on time
 * @param skipped one SKIPPED row standing for the missed firings, if any
 */
record FiringPlan(Optional<Instant> fireAt, String note, Optional<Firing> skipped) {

  static FiringPlan of(
      Schedule schedule, CronTimes times, Instant from, Instant now, Duration tolerance) {
    CronTimes.Due due = times.due(from, now);
    if (due.count() == 0) {
      return new FiringPlan(Optional.empty(), null, Optional.empty());
    }
    boolean onTime = Duration.between(due.latest(), now).compareTo(tolerance) <= 0;
    CronTimes.Due missed = onTime ? new CronTimes.Due(due.count() - 1, due.atLeast(), null) : due;
    if (missed.count() == 0) {
      return new FiringPlan(Optional.of(due.latest()), null, Optional.empty());
    }
    Instant firstMissed = times.next(from).orElseThrow();
    if (schedule.catchUp() == CatchUp.LATEST) {
      String earlier = new CronTimes.Due(due.count() - 1, due.atLeast(), null).describe();
      String note =
          onTime
              ? "skipped "
                  + earlier
                  + " earlier missed firing(s) since "
                  + firstMissed
                  + " (catch_up=latest)"
              : "late: the latest of "
                  + due.describe()
                  + " missed firings; skipped the other "
                  + earlier
                  + " (catch_up=latest)";
      return new FiringPlan(Optional.of(due.latest()), note, Optional.empty());
    }
    Firing skipped =
        new Firing(
            0,
            schedule.name(),
            firstMissed,
            now,
            FiringOutcome.SKIPPED,
            "missed " + missed.describe() + " firings while the scheduler was down (catch_up=none)",
            null);
    return new FiringPlan(
        onTime ? Optional.of(due.latest()) : Optional.empty(), null, Optional.of(skipped));
  }
}
