package io.recopipe.pipeline.runner;

import io.recopipe.components.api.ComponentException;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.artifacts.ArtifactStore;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.endpoint.JournalReconciler;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.ArtifactRepository;
import io.recopipe.pipeline.metadata.ExecutionRepository;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunRepository;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.review.Approvals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Carries out a run that {@link LocalRunner} has recorded (or a redeploy of one): opens the run's
 * profile and warehouse, walks its DAG in a {@link RunSession}, commits and promotes it, so the
 * runner's facade keeps only recording, resuming and queries.
 */
final class RunExecution {
  private final RecopipeHome home;
  private final MetadataStore metadata;
  private final ArtifactStore artifacts;
  private final RunRepository runs;
  private final RunProfiles profiles;
  private final ModelRegistry registry;
  private final Approvals approvals;

  RunExecution(
      RecopipeHome home,
      MetadataStore metadata,
      ArtifactStore artifacts,
      RunRepository runs,
      RunProfiles profiles,
      ModelRegistry registry,
      Approvals approvals) {
    this.home = home;
    this.metadata = metadata;
    this.artifacts = artifacts;
    this.runs = runs;
    this.profiles = profiles;
    this.registry = registry;
    this.approvals = approvals;
  }

  /**
   * Executes recorded run {@code runId}: opens its profile and warehouse, walks the DAG, commits
   * and promotes a succeeded run, and records how the run ended.
   */
  RunResult execute(String runId, Pipeline pipeline, RunOptions options, boolean resuming) {
    JournalReconciler.reconcile(metadata, home.serving()); // endpoint events before any deploy
    DagWalk.Outcome outcome =
        new DagWalk.Outcome(
            RunStatus.FAILED, "run " + runId + " stopped unexpectedly", java.util.List.of());
    RunRecord run = runs.find(runId).orElseThrow();
    RunProfiles.Profile profile;
    try {
      profile = profiles.forRun(run.parameters());
    } catch (RuntimeException e) {
      outcome =
          new DagWalk.Outcome(
              RunStatus.FAILED,
              "run " + runId + " cannot open its " + "profile: " + e.getMessage(),
              outcome.steps());
      runs.finish(runId, outcome.status(), outcome.message(), Instant.now());
      return new RunResult(runId, outcome.status(), outcome.message(), outcome.steps());
    }
    try (WarehouseHandle warehouse = new WarehouseHandle(profile.warehouses())) {
      RunSession session = session(run, pipeline, options, warehouse, profile);
      try {
        outcome = new DagWalk(session).walk(resuming);
        if (outcome.status() == RunStatus.SUCCEEDED) {
          Optional<RegisteredVersion> version = session.commit.commit();
          if (version.isPresent()) {
            new ChampionPromotion(session.registry, session.approvals)
                .promote(
                    version.get(),
                    session.commit.served(outcome.steps()),
                    runId,
                    session.startedBy,
                    options.progress());
          }
        }
      } finally {
        session.commit.discard();
        session.commit.dropStale();
      }
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(LocalRunner.class).error("run " + runId + " failed", e);
      outcome =
          new DagWalk.Outcome(
              RunStatus.FAILED,
              "run " + runId + " failed: " + e.getClass().getName() + ": " + e.getMessage(),
              outcome.steps());
    } finally {
      runs.finish(runId, outcome.status(), outcome.message(), Instant.now());
    }
    options
        .progress()
        .println(
            "run "
                + runId
                + " "
                + outcome.status()
                + (outcome.message() == null ? "" : ": " + outcome.message()));
    return new RunResult(
        runId, outcome.status(), outcome.message(), outcome.steps(), outcome.badInput());
  }

  /**
   * Runs {@code pipeline}'s approval-requiring step again with {@code run}'s verified inputs and
   * parameters (see {@link LocalRunner#redeploy}).
   */
  void redeploy(RunRecord run, Pipeline pipeline, RunOptions options) throws ComponentException {
    RunProfiles.Profile profile = profiles.forRun(run.parameters());
    JournalReconciler.reconcile(metadata, home.serving()); // endpoint events before the deploy
    try (WarehouseHandle warehouse = new WarehouseHandle(profile.warehouses())) {
      new Redeployment(session(run, pipeline, options, warehouse, profile)).run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot redeploy run " + run.id(), e);
    } catch (io.recopipe.components.warehouse.WarehouseException e) {
      throw new OperationFailedException("cannot close the warehouse: " + e.getMessage(), e);
    }
  }

  private RunSession session(
      RunRecord run,
      Pipeline pipeline,
      RunOptions options,
      WarehouseHandle warehouse,
      RunProfiles.Profile profile) {
    return new RunSession(
        run.id(),
        pipeline,
        run.parameters(),
        options,
        home,
        artifacts,
        new ExecutionRepository(metadata),
        new ArtifactRepository(metadata),
        warehouse,
        run.startedAt(),
        run.who() == null ? options.startedBy() : run.who(),
        profile.registry().orElse(registry),
        profile.approvals().orElse(approvals),
        profile.services(),
        runs,
        profile.champions());
  }
}
