package io.recopipe.pipeline.launch;

/**
 * How a task of a spec run ended, in the words of KFP's {@code PipelineTaskState}: a cache hit
 * reuses an earlier execution's outputs, a false condition leaves a task {@code NOT_TRIGGERED}, and
 * a task whose upstream failed (or that would start after another task failed) is {@code
 * UNSCHEDULABLE}.
 */
public enum TaskState {
  /** Ran and succeeded. */
  SUCCEEDED,
  /** Reused an earlier execution's outputs (cache hit). */
  CACHED,
  /** Its trigger condition was false. */
  NOT_TRIGGERED,
  /** Never started: an upstream task failed. */
  UNSCHEDULABLE,
  /** Ran (with every retry) and failed, or its inputs could not be resolved. */
  FAILED;

  /** Whether the task's outputs exist. */
  boolean produced() {
    return this == SUCCEEDED || this == CACHED;
  }

  /** The state an exit handler's {@code PipelineTaskFinalStatus.state} reports. */
  String finalStatus() {
    return switch (this) {
      case SUCCEEDED -> "SUCCEEDED";
      case CACHED -> "SKIPPED";
      case NOT_TRIGGERED -> "NOT_TRIGGERED";
      case UNSCHEDULABLE -> "UNSCHEDULABLE";
      case FAILED -> "FAILED";
    };
  }
}
