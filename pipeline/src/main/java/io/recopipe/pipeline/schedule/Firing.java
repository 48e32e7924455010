package io.recopipe.pipeline.schedule;

import java.time.Instant;

/**
 * One row of a schedule's firing history, kept so users can see which runs a schedule started and
 * why the others did not start.
 *
 * @param id the row id, increasing
 * @param schedule the schedule's name
 * @param plannedAt the cron time the firing belongs to
 * @param at when the scheduler decided
 * @param outcome started, skipped, queued or failed
 * @param reason why (null for an on-time start)
 * @param runId the started run (null unless {@link FiringOutcome#STARTED})
 */
public record Firing(
    long id,
    String schedule,
    Instant plannedAt,
    Instant at,
    FiringOutcome outcome,
    String reason,
    String runId) {}
