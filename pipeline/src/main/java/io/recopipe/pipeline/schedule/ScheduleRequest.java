package io.recopipe.pipeline.schedule;

import java.nio.file.Path;
import java.util.Map;

/**
 * A schedule as the user typed it, before validation, so every bad field can be reported at once
 * instead of one per attempt.
 *
 * @param name the schedule name
 * @param cron a UNIX 5-field cron expression
 * @param zone a time-zone id; null means the system default zone (stored explicitly)
 * @param overlap {@code skip} or {@code queue}; null means skip
 * @param catchUp {@code none} or {@code latest}; null means none
 * @param config a pipeline config file, or null for the shipped config
 * @param overrides {@code section.key=value} overrides
 */
public record ScheduleRequest(
    String name,
    String cron,
    String zone,
    String overlap,
    String catchUp,
    Path config,
    Map<String, String> overrides) {
  /** A request with default zone, overlap, catch-up, config and no overrides. */
  public static ScheduleRequest of(String name, String cron) {
    return new ScheduleRequest(name, cron, null, null, null, null, Map.of());
  }
}
