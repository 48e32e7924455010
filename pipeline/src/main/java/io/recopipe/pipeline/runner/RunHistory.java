package io.recopipe.pipeline.runner;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.gate.Gate;
import io.recopipe.pipeline.artifacts.ArtifactStore;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.metadata.ArtifactRepository;
import io.recopipe.pipeline.metadata.ExecutionRecord;
import io.recopipe.pipeline.metadata.ExecutionRepository;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only views of recorded runs for {@code recopipe runs list} and {@code runs show}: each run's
 * executions with durations, cache keys and hits, metrics, lineage (artifact URIs and hashes by
 * port) and gate decisions, so nothing needs SQL against the metadata store.
 */
public final class RunHistory {
  /**
   * One execution with everything {@code runs show} prints.
   *
   * @param execution the execution row (status, cache key and hit, attempts, duration)
   * @param metrics its metrics by name
   * @param inputs the artifacts it read, by input port
   * @param outputs the artifacts it wrote (including its {@code log}), by output port
   * @param gateDecision the JSON of its gate decision output, when it has one
   */
  public record ExecutionReport(
      ExecutionRecord execution,
      Map<String, Double> metrics,
      Map<String, StoredArtifact> inputs,
      Map<String, StoredArtifact> outputs,
      Optional<String> gateDecision) {}

  /**
   * One run and its executions in the order they started.
   *
   * @param run the run row (status, message, parameters, times, who)
   * @param executions its executions
   */
  public record RunReport(RunRecord run, List<ExecutionReport> executions) {}

  private final RunRepository runs;
  private final ExecutionRepository executions;
  private final ArtifactRepository lineage;
  private final ArtifactStore artifacts;

  RunHistory(MetadataStore metadata, ArtifactStore artifacts) {
    this.runs = new RunRepository(metadata);
    this.executions = new ExecutionRepository(metadata);
    this.lineage = new ArtifactRepository(metadata);
    this.artifacts = artifacts;
  }

  /** Every run, newest first. */
  public List<RunRecord> listRuns() {
    return runs.list();
  }

  /** Run {@code runId} with its executions, if it exists. */
  public Optional<RunReport> show(String runId) {
    return runs.find(runId)
        .map(
            run ->
                new RunReport(run, executions.forRun(runId).stream().map(this::report).toList()));
  }

  /** The directory of artifact {@code artifact} in this home (its URI made absolute). */
  public Path locate(StoredArtifact artifact) {
    return artifacts.resolve(artifact.uri());
  }

  private ExecutionReport report(ExecutionRecord execution) {
    Map<String, StoredArtifact> outputs = lineage.linked(execution.id(), ArtifactRepository.OUTPUT);
    Optional<String> decision =
        outputs.values().stream()
            .filter(a -> a.type() == ArtifactType.GATE_DECISION)
            .findFirst()
            .flatMap(a -> Gate.recorded(locate(a)));
    return new ExecutionReport(
        execution,
        executions.metrics(execution.id()),
        lineage.linked(execution.id(), ArtifactRepository.INPUT),
        outputs,
        decision);
  }
}
