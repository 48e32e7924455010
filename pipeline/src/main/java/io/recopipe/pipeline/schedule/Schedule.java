package io.recopipe.pipeline.schedule;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A named, validated schedule as stored in the {@code schedules} table: when to run the pipeline,
 * with which config and overrides, and what to do about overlaps and missed firings.
 *
 * @param name unique name, {@code [a-z0-9][a-z0-9-_]{0,62}}
 * @param cron a UNIX (5-field) cron expression, see {@link CronTimes}
 * @param zone the time zone the cron expression is read in
 * @param overlap what a firing does while the previous run still runs
 * @param catchUp what happens to firings missed while the scheduler was down
 * @param config the pipeline config passed as {@code --config}, if any
 * @param overrides the {@code --set} overrides, in order
 * @param paused paused schedules never fire
 * @param createdAt when it was added
 * @param createdBy who added it ({@code user:NAME})
 * @param checkedUntil firing times up to this instant have been handled
 */
public record Schedule(
    String name,
    String cron,
    ZoneId zone,
    Overlap overlap,
    CatchUp catchUp,
    Optional<Path> config,
    Map<String, String> overrides,
    boolean paused,
    Instant createdAt,
    String createdBy,
    Instant checkedUntil) {
  /** Copies the overrides (keeping their order) so the record stays immutable. */
  public Schedule {
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
  }
}
