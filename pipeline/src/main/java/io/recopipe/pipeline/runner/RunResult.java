package io.recopipe.pipeline.runner;

import io.recopipe.pipeline.metadata.RunStatus;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a run or resume: its id, final status, the one-line message of a failure or gate,
 * and each step's result, so the CLI can print a summary and choose its exit code.
 *
 * @param runId the run id
 * @param status SUCCEEDED, GATED or FAILED
 * @param message the failure or gate message (null on success)
 * @param steps the steps in execution order (those never reached are absent)
 * @param badInput whether the run FAILED because a step refused the user's input data (a malformed
 *     file), which the CLI reports as bad input rather than a failure
 */
public record RunResult(
    String runId, RunStatus status, String message, List<StepResult> steps, boolean badInput) {
  /** Copies the step list. */
  public RunResult {
    steps = List.copyOf(steps);
  }

  /** A result whose failure, if any, was not caused by the input data. */
  public RunResult(String runId, RunStatus status, String message, List<StepResult> steps) {
    this(runId, status, message, steps, false);
  }

  /** The result of step {@code name}, if it was reached. */
  public Optional<StepResult> step(String name) {
    return steps.stream().filter(s -> s.step().equals(name)).findFirst();
  }
}
