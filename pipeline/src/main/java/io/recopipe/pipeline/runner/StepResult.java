package io.recopipe.pipeline.runner;

import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import java.util.Map;

/**
 * What became of one step in a run, for the run summary the CLI prints.
 *
 * @param step the step name
 * @param status its status
 * @param cacheHit whether its outputs were reused from an earlier execution (cache or resume)
 * @param cacheKey the cache key it ran under (null when skipped)
 * @param executionId the execution row (0 when the step never started)
 * @param durationMs wall time of this step in this run
 * @param outputs its output artifacts by port (without the log)
 * @param message why it failed or was skipped, or what it reused (null when none)
 */
public record StepResult(
    String step,
    ExecutionStatus status,
    boolean cacheHit,
    String cacheKey,
    long executionId,
    long durationMs,
    Map<String, StoredArtifact> outputs,
    String message) {
  /** Copies the outputs. */
  public StepResult {
    outputs = Map.copyOf(outputs);
  }
}
