package io.recopipe.pipeline.metadata;

import java.time.Instant;

/**
 * One execution of a step in a run, with the cache key it ran under and whether it was a hit, so
 * that caching decisions can be audited later.
 *
 * @param id the row id
 * @param runId the run
 * @param step the step name
 * @param component the component name
 * @param version the component version
 * @param cacheKey the cache key (null for skipped steps)
 * @param status its status
 * @param cacheHit whether outputs were reused from an earlier execution
 * @param attempts attempts made (0 for hits and skips)
 * @param startedAt when it started
 * @param durationMs how long it took (null while running)
 * @param message the failure or skip reason, or the reused execution
 */
public record ExecutionRecord(
    long id,
    String runId,
    String step,
    String component,
    String version,
    String cacheKey,
    ExecutionStatus status,
    boolean cacheHit,
    int attempts,
    Instant startedAt,
    Long durationMs,
    String message) {}
