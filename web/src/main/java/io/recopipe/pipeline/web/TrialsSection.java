package io.recopipe.pipeline.web;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.pipeline.insight.TuningTrials;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.runner.RunHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Finds the promotion page's tuning evidence, shown only when the candidate's run tuned (the trials
 * chart and ML.TRIAL_INFO-style table of {@code trials.jte}), so a reviewer sees where the model's
 * options came from.
 */
final class TrialsSection {
  private TrialsSection() {}

  /** The tuning trials of the run of {@code candidate}, when it tuned. */
  static Optional<TuningTrials> trials(RunHistory history, RegisteredVersion candidate) {
    return history
        .show(candidate.runId())
        .flatMap(
            report ->
                report.executions().stream()
                    .filter(e -> e.execution().status() == ExecutionStatus.SUCCEEDED)
                    .map(e -> e.outputs().get("tuning"))
                    .filter(a -> a != null && a.type() == ArtifactType.TUNING)
                    .reduce((first, second) -> second))
        .flatMap(
            artifact -> {
              try {
                return TuningTrials.read(history.locate(artifact));
              } catch (IOException e) {
                throw new UncheckedIOException(
                    "cannot read the tuning trials of run "
                        + candidate.runId()
                        + ": "
                        + e.getMessage(),
                    e);
              }
            });
  }
}
