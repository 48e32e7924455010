package io.recopipe.pipeline.insight;

import java.util.List;

/**
 * One step of a run as the DAG picture draws it.
 *
 * @param step the step name
 * @param status its execution status (SUCCEEDED, FAILED, SKIPPED, RUNNING, ...)
 * @param durationMs how long it took (-1 when unknown)
 * @param cacheHit whether it was reused from the cache
 * @param upstream the steps it reads from
 */
public record DagNode(
    String step, String status, long durationMs, boolean cacheHit, List<String> upstream) {}
