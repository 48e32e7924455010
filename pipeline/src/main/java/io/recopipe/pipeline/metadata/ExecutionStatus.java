package io.recopipe.pipeline.metadata;

/** What became of one step execution, recorded so runs can be inspected, cached and resumed. */
public enum ExecutionStatus {
  /** Started and not finished (or its process died). */
  RUNNING,
  /** Finished with committed outputs (ran, or reused from the cache). */
  SUCCEEDED,
  /** Failed after its last attempt, or was interrupted. */
  FAILED,
  /** Not run: its condition was false or an upstream gate did not bless. */
  SKIPPED
}
