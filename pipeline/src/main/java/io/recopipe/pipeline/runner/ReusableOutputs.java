package io.recopipe.pipeline.runner;

import io.recopipe.components.api.Port;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.dsl.Step;
import io.recopipe.pipeline.metadata.ArtifactRepository;
import io.recopipe.pipeline.metadata.ExecutionRecord;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds earlier executions whose outputs may stand in for running a step: by cache key (any run)
 * or, on resume, the step's own successful execution in the same run. Nothing is trusted on the
 * metadata's word alone: every output must still exist and still hash as recorded.
 */
final class ReusableOutputs {
  /** An earlier execution and its verified outputs by port. */
  record Found(ExecutionRecord execution, Map<String, StoredArtifact> outputs) {}

  private final RunSession session;

  ReusableOutputs(RunSession session) {
    this.session = session;
  }

  /** The newest successful execution with {@code cacheKey} whose outputs all verify. */
  Optional<Found> byCacheKey(Step step, String cacheKey) {
    for (ExecutionRecord candidate : session.executions.succeededWithKey(cacheKey)) {
      Optional<Found> found = verified(step, candidate);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * This run's latest successful execution of {@code step}, when it ran under the same cache key
   * (same code, inputs and parameters) and its outputs all verify.
   */
  Optional<Found> inRun(Step step, String cacheKey, List<ExecutionRecord> runExecutions) {
    ExecutionRecord latest = null;
    for (ExecutionRecord execution : runExecutions) {
      if (execution.step().equals(step.name()) && execution.status() == ExecutionStatus.SUCCEEDED) {
        latest = execution;
      }
    }
    if (latest == null || !cacheKey.equals(latest.cacheKey())) {
      return Optional.empty();
    }
    return verified(step, latest);
  }

  private Optional<Found> verified(Step step, ExecutionRecord execution) {
    Map<String, StoredArtifact> linked =
        session.lineage.linked(execution.id(), ArtifactRepository.OUTPUT);
    Map<String, StoredArtifact> outputs = new LinkedHashMap<>();
    for (Port port : step.component().outputs()) {
      StoredArtifact artifact = linked.get(port.name());
      if (artifact == null
          || artifact.type() != port.type()
          || !session.artifacts.verify(artifact)) {
        return Optional.empty();
      }
      outputs.put(port.name(), artifact);
    }
    return Optional.of(new Found(execution, outputs));
  }
}
