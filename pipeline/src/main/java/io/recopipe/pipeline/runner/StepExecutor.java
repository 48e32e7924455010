package io.recopipe.pipeline.runner;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepLog;
import io.recopipe.pipeline.artifacts.ArtifactStore;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.config.StepParameterView;
import io.recopipe.pipeline.dsl.Step;
import io.recopipe.pipeline.metadata.ArtifactRepository;
import io.recopipe.pipeline.metadata.ExecutionRecord;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Executes one step of a run in one of its four ways (skip it, reuse this run's earlier execution
 * on resume, reuse a cached execution, or run it with retries) and records each in the metadata
 * store with lineage, metrics and the execution's log artifact.
 */
final class StepExecutor {
  /** The lineage port of each execution's log artifact. */
  static final String LOG_PORT = "log";

  private final RunSession session;

  StepExecutor(RunSession session) {
    this.session = session;
  }

  StepResult skip(Step step, String reason) {
    long id =
        session.executions.start(
            session.runId,
            step.name(),
            step.component().name(),
            step.component().version(),
            null,
            ExecutionStatus.SKIPPED,
            Instant.now());
    session.executions.finish(id, ExecutionStatus.SKIPPED, false, 0, 0, reason);
    session.progress(step.name(), "skipped: " + reason);
    return new StepResult(
        step.name(), ExecutionStatus.SKIPPED, false, null, id, 0, Map.of(), reason);
  }

  /** On resume: the step already succeeded in this run; republish it and move on. */
  StepResult reuseFromRun(
      Step step,
      ExecutionRecord earlier,
      Map<String, Path> inputs,
      Map<String, StoredArtifact> outputs)
      throws ComponentException {
    long started = System.nanoTime();
    StepLog echo =
        new StepLog() {
          @Override
          public void info(String line) {}

          @Override
          public void progress(String line) {
            session.progress(step.name(), line);
          }
        };
    publish(step, inputs, outputs, echo);
    String message = "already done in this run (execution " + earlier.id() + ")";
    session.progress(step.name(), message);
    return new StepResult(
        step.name(),
        ExecutionStatus.SUCCEEDED,
        earlier.cacheHit(),
        earlier.cacheKey(),
        earlier.id(),
        millisSince(started),
        outputs,
        message);
  }

  /** Reuses {@code cached}'s verified {@code outputs} as this step's. */
  StepResult cacheHit(
      Step step,
      String cacheKey,
      Map<String, StoredArtifact> inputs,
      ExecutionRecord cached,
      Map<String, StoredArtifact> outputs)
      throws IOException {
    long started = System.nanoTime();
    long id = begin(step, cacheKey, inputs);
    try {
      return reuseRecorded(step, id, cacheKey, inputs, cached, outputs, started);
    } catch (IOException | RuntimeException e) {
      markBroken(id, started, e);
      throw e;
    }
  }

  private StepResult reuseRecorded(
      Step step,
      long id,
      String cacheKey,
      Map<String, StoredArtifact> inputs,
      ExecutionRecord cached,
      Map<String, StoredArtifact> outputs,
      long started)
      throws IOException {
    String message = "cache hit: reused execution " + cached.id() + " of run " + cached.runId();
    Path logDir = session.artifacts.newStagingDirectory(session.runId, step.name() + "-log");
    try (FileStepLog log = new FileStepLog(logDir, step.name(), session.options.progress())) {
      log.progress(message);
      outputs.forEach(
          (port, artifact) ->
              session.lineage.link(id, ArtifactRepository.OUTPUT, port, artifact.id()));
      session.executions.recordMetrics(id, session.executions.metrics(cached.id()));
      publish(step, paths(inputs), outputs, log);
    } catch (ComponentException e) {
      return end(
          step, id, cacheKey, logDir, ExecutionStatus.FAILED, 0, started, Map.of(), e.getMessage());
    }
    return end(step, id, cacheKey, logDir, ExecutionStatus.SUCCEEDED, 0, started, outputs, message);
  }

  /** Runs the component with retries and commits its outputs. */
  StepResult run(
      Step step,
      String cacheKey,
      Map<String, StoredArtifact> inputs,
      Map<String, String> parameters)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    session.prepareFrom(step);
    long id = begin(step, cacheKey, inputs);
    try {
      return runRecorded(step, id, cacheKey, inputs, parameters, started);
    } catch (IOException | RuntimeException | InterruptedException e) {
      markBroken(id, started, e);
      throw e;
    }
  }

  /** Copies a committed artifact to the profile's mirror (GCS under --profile gcp), if any. */
  private void mirror(Step step, StoredArtifact artifact) throws IOException {
    Optional<io.recopipe.components.api.ArtifactMirror> mirror =
        session.services.get(io.recopipe.components.api.ArtifactMirror.class);
    if (mirror.isPresent()) {
      String where = mirror.get().mirror(artifact.uri(), session.directoryOf(artifact));
      session.progress(step.name(), "mirrored " + artifact.uri() + " to " + where);
    }
  }

  private StepResult runRecorded(
      Step step,
      long id,
      String cacheKey,
      Map<String, StoredArtifact> inputs,
      Map<String, String> parameters,
      long started)
      throws IOException, InterruptedException {
    Path logDir = session.artifacts.newStagingDirectory(session.runId, step.name() + "-log");
    Map<String, StoredArtifact> committed = new LinkedHashMap<>();
    int[] attempts = {0};
    AttemptFailure failure;
    try (FileStepLog log = new FileStepLog(logDir, step.name(), session.options.progress())) {
      log.info("cache key " + cacheKey);
      StepAttempts runner = new StepAttempts(session, step, paths(inputs), parameters, log);
      failure =
          runner.run(
              staged -> {
                attempts[0] = staged.attempts();
                committed.clear();
                for (Map.Entry<String, Path> out : staged.outputs().entrySet()) {
                  ArtifactType type = typeOf(step, out.getKey());
                  StoredArtifact artifact =
                      session.artifacts.commit(
                          out.getValue(),
                          ArtifactStore.uriOf(session.runId, step.name(), out.getKey()),
                          type);
                  committed.put(
                      out.getKey(),
                      session.lineage.recordAndLink(
                          artifact, id, ArtifactRepository.OUTPUT, out.getKey()));
                  mirror(step, artifact);
                }
                session.executions.recordMetrics(id, staged.context().metrics());
              });
    }
    if (failure != null) {
      if (failure.rolledBack()) {
        session.markRolledBack(step.name());
      }
      if (failure.badInput()) {
        session.markBadInput(step.name());
      }
      return end(
          step,
          id,
          cacheKey,
          logDir,
          ExecutionStatus.FAILED,
          failure.attempts(),
          started,
          Map.of(),
          failure.message());
    }
    return end(
        step,
        id,
        cacheKey,
        logDir,
        ExecutionStatus.SUCCEEDED,
        attempts[0],
        started,
        committed,
        null);
  }

  /** Records an execution that broke outside its attempts (e.g. the disk filled) as FAILED. */
  private void markBroken(long id, long startedNanos, Exception e) {
    try {
      session.executions.finish(
          id,
          ExecutionStatus.FAILED,
          false,
          0,
          millisSince(startedNanos),
          "runner error: " + e.getClass().getName() + ": " + e.getMessage());
    } catch (RuntimeException suppressed) {
      e.addSuppressed(suppressed);
    }
  }

  private long begin(Step step, String cacheKey, Map<String, StoredArtifact> inputs) {
    long id =
        session.executions.start(
            session.runId,
            step.name(),
            step.component().name(),
            step.component().version(),
            cacheKey,
            ExecutionStatus.RUNNING,
            Instant.now());
    inputs.forEach(
        (port, artifact) ->
            session.lineage.link(id, ArtifactRepository.INPUT, port, artifact.id()));
    return id;
  }

  private StepResult end(
      Step step,
      long id,
      String cacheKey,
      Path logDir,
      ExecutionStatus status,
      int attempts,
      long startedNanos,
      Map<String, StoredArtifact> outputs,
      String message)
      throws IOException {
    StoredArtifact log =
        session.artifacts.commit(
            logDir,
            ArtifactStore.uriOf(session.runId, step.name(), LOG_PORT + "-" + id),
            ArtifactType.REPORT);
    session.lineage.recordAndLink(log, id, ArtifactRepository.OUTPUT, LOG_PORT);
    long duration = millisSince(startedNanos);
    boolean hit = attempts == 0 && status == ExecutionStatus.SUCCEEDED;
    session.executions.finish(id, status, hit, attempts, duration, message);
    session.progress(
        step.name(),
        status.name().toLowerCase()
            + " in "
            + String.format("%.2f s", duration / 1000.0)
            + (hit ? " (cache hit)" : "")
            + (status == ExecutionStatus.FAILED ? ": " + message : ""));
    return new StepResult(step.name(), status, hit, cacheKey, id, duration, outputs, message);
  }

  private void publish(
      Step step, Map<String, Path> inputs, Map<String, StoredArtifact> outputs, StepLog log)
      throws ComponentException {
    LocalStepContext context =
        new LocalStepContext(
            session,
            step.name(),
            inputs,
            paths(outputs),
            StepParameterView.of(step.name(), session.parameters),
            log);
    step.component().publish(context);
  }

  private Map<String, Path> paths(Map<String, StoredArtifact> artifacts) {
    Map<String, Path> paths = new LinkedHashMap<>();
    artifacts.forEach((port, artifact) -> paths.put(port, session.directoryOf(artifact)));
    return paths;
  }

  private static ArtifactType typeOf(Step step, String port) {
    return step.component().outputs().stream()
        .filter(p -> p.name().equals(port))
        .findFirst()
        .orElseThrow()
        .type();
  }

  private static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
