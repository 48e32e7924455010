package io.recopipe.infra.vertex;

import io.recopipe.model.error.InvalidInputException;
import java.time.ZoneId;

/**
 * A cron schedule for pipeline jobs as Vertex AI takes it, checked up front so that a bad time zone
 * or concurrency is a one-line error rather than a rejected API call.
 *
 * @param displayName the schedule's name in the console
 * @param cron UNIX 5-field cron, e.g. {@code 0 3 * * *}
 * @param zone the cron's time zone, e.g. {@code Europe/Berlin}
 * @param maxConcurrent how many of its jobs may run at once (at least 1)
 * @param allowQueueing whether a firing while {@code maxConcurrent} jobs run is queued (else
 *     skipped)
 */
public record VertexSchedule(
    String displayName, String cron, ZoneId zone, int maxConcurrent, boolean allowQueueing) {
  /** Checks the fields. */
  public VertexSchedule {
    if (displayName == null || displayName.isBlank()) {
      throw new InvalidInputException("schedule name is empty");
    }
    if (cron == null || cron.strip().split("\\s+").length != 5) {
      throw new InvalidInputException(
          "schedule "
              + displayName
              + ": cron '"
              + cron
              + "' must have 5 fields: minute hour day-of-month month day-of-week");
    }
    if (maxConcurrent < 1) {
      throw new InvalidInputException(
          "schedule "
              + displayName
              + ": --max-concurrent must "
              + "be at least 1, got "
              + maxConcurrent);
    }
    cron = cron.strip();
  }

  /** The cron string with its zone, as the Schedule's {@code cron} field takes it. */
  public String zonedCron() {
    return "TZ=" + zone.getId() + " " + cron;
  }
}
