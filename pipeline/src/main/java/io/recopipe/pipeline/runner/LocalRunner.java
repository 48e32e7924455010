package io.recopipe.pipeline.runner;

import io.recopipe.components.api.ComponentException;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.artifacts.ArtifactStore;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.ExecutionRepository;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunRepository;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.review.HomePolicy;
import io.recopipe.pipeline.review.HomeReview;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs pipelines on this machine against one {@link RecopipeHome}: records every run, execution,
 * artifact, metric and log in the home's metadata store, reuses cached executions honestly and
 * resumes failed or killed runs. This is the facade the CLI uses.
 *
 * <pre>{@code
 * RunProfiles local = RunProfiles.fixed(() -> DuckDbWarehouse.open(home.warehouseDb()), Services.none());
 * try (LocalRunner runner = LocalRunner.open(home, local)) {
 *   RunResult result = runner.run(pipeline, parameters, RunOptions.to(System.out));
 *   // later, after a crash or a failure:
 *   RunResult resumed = runner.resume(pipeline, result.runId(), RunOptions.to(System.out));
 *   RunHistory.RunReport report = runner.history().show(result.runId()).orElseThrow();
 * }
 * }</pre>
 *
 * <p>A run's warehouse tables and its model version become visible together at its commit point
 * (the end of a SUCCEEDED run, or the moment it starts waiting for approval; see {@link
 * RunCommit}); a run that fails, is gated, rolled back or killed changes nothing a user can see,
 * and its resume continues from what it staged.
 *
 * <p>Parameters are one flat map; see {@link StepParameters} for how each step's share is picked. A
 * step's {@link io.recopipe.components.api.StepContext#championModel()} is the MODEL output of the
 * latest successful {@value #CHAMPION_STEP} execution in a SUCCEEDED run of the same pipeline.
 */
public final class LocalRunner implements AutoCloseable {
  /** The step whose MODEL output in a successful run is the champion. */
  public static final String CHAMPION_STEP = "export";

  private final RecopipeHome home;
  private final RunProfiles profiles;
  private final MetadataStore metadata;
  private final ArtifactStore artifacts;
  private final RunRepository runs;
  private final HomePolicy policy;
  private final ModelRegistry registry;
  private final RunExecution execution;

  /** Statuses a run never leaves: resuming them would change nothing (or undo a decision). */
  private static final Set<RunStatus> ENDED =
      EnumSet.of(RunStatus.SUCCEEDED, RunStatus.GATED, RunStatus.REJECTED, RunStatus.EXPIRED);

  /**
   * A runner over {@code home} (created if missing) whose records, approvals and registry are the
   * SQLite ones in the home's metadata store; it picks each run's warehouse and backends from the
   * run's parameters (see {@link RunProfiles}) and closes {@code profiles} when it closes.
   */
  public static LocalRunner open(RecopipeHome home, RunProfiles profiles) {
    RecopipeHome created = home.create();
    return new LocalRunner(created, MetadataStore.open(created.metadataDb()), profiles, null, null);
  }

  /**
   * A runner composed explicitly over {@code home} (created already) whose records live in {@code
   * metadata} (closed with the runner and {@code profiles}); it asks approvals of {@code review}'s
   * {@link HomeReview#approvals()}, checks runs against its {@link HomeReview#policy()} and
   * registers versions in {@code registry} unless a run's profile brings its own. {@code review}
   * {@code null}: the home's SQLite services; {@code registry} {@code null}: the registry in {@code
   * metadata}. The composer builds each once (and closes the registry).
   */
  public LocalRunner(
      RecopipeHome home,
      MetadataStore metadata,
      RunProfiles profiles,
      HomeReview review,
      ModelRegistry registry) {
    this.profiles = profiles;
    this.home = home;
    this.metadata = metadata;
    HomeReview services =
        review != null ? review : HomeReview.sqlite(metadata, java.time.Clock.systemUTC());
    this.policy = services.policy();
    ArtifactStore artifacts;
    try {
      artifacts = new ArtifactStore(home.artifacts());
    } catch (IOException e) {
      metadata.close();
      throw new UncheckedIOException("cannot open the artifact store in " + home, e);
    }
    this.artifacts = artifacts;
    this.runs = new RunRepository(metadata);
    this.registry = registry != null ? registry : new SqliteModelRegistry(metadata);
    this.execution =
        new RunExecution(
            home, metadata, artifacts, runs, profiles, this.registry, services.approvals());
  }

  /**
   * Starts a new run of {@code pipeline} with {@code given} parameters and waits for it to end; the
   * run records the effective promotion policy (see {@link HomePolicy#effective}), and a run that
   * would weaken the home's policy is refused before anything is recorded.
   */
  public RunResult run(Pipeline pipeline, Map<String, String> given, RunOptions options) {
    Map<String, String> parameters = policy.effective(given);
    String runId = RunIds.next();
    ProcessIdentity self = ProcessIdentity.current();
    runs.insert(
        new RunRecord(
            runId,
            pipeline.name(),
            RunStatus.RUNNING,
            null,
            parameters,
            Instant.now(),
            null,
            options.startedBy(),
            self.pid(),
            self.started(),
            options.noCache(),
            null));
    options.progress().println("run " + runId + " of pipeline " + pipeline.name() + " in " + home);
    return execution.execute(runId, pipeline, options, false);
  }

  /**
   * Continues run {@code runId} from its first unfinished step: steps that succeeded in it and
   * whose outputs still verify are reused, the rest run again (cache rules apply as usual; a run
   * started with the cache off resumes with it off).
   *
   * @throws IllegalArgumentException when the run does not exist or belongs to another pipeline
   * @throws IllegalStateException when it ended (SUCCEEDED, GATED, REJECTED, EXPIRED) or is still
   *     running
   */
  public RunResult resume(Pipeline pipeline, String runId, RunOptions options) {
    RunRecord run =
        runs.find(runId)
            .orElseThrow(() -> new InvalidInputException("no run " + runId + " in " + home));
    if (!run.pipeline().equals(pipeline.name())) {
      throw new InvalidInputException(
          "run " + runId + " is of pipeline " + run.pipeline() + ", not " + pipeline.name());
    }
    resumeBlocker(run)
        .ifPresent(
            reason -> {
              throw new OperationFailedException(reason);
            });
    new ExecutionRepository(metadata).markInterrupted(runId);
    try {
      artifacts.cleanStaging(runId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the staging area of run " + runId, e);
    }
    ProcessIdentity self = ProcessIdentity.current();
    runs.reopen(runId, self.pid(), self.started());
    options
        .progress()
        .println(
            "resuming run "
                + runId
                + " of pipeline "
                + pipeline.name()
                + " in "
                + home
                + (run.noCache() ? " (cache off, as the run started)" : ""));
    return execution.execute(
        runId, pipeline, run.noCache() ? options.withoutCache() : options, true);
  }

  /** Why run {@code runId} cannot be resumed, or empty when it can. */
  public Optional<String> resumeBlocker(String runId) {
    return runs.find(runId)
        .map(this::resumeBlocker)
        .orElse(Optional.of("no run " + runId + " in " + home));
  }

  private Optional<String> resumeBlocker(RunRecord run) {
    if (ENDED.contains(run.status())) {
      return Optional.of(
          "run " + run.id() + " already ended " + run.status() + "; nothing to resume");
    }
    if (run.status() == RunStatus.RUNNING
        && new ProcessIdentity(run.pid(), run.pidStarted()).isAlive()) {
      return Optional.of("run " + run.id() + " is still running in process " + run.pid());
    }
    return Optional.empty();
  }

  /** Queries over recorded runs, for {@code recopipe runs list} and {@code runs show}. */
  public RunHistory history() {
    return new RunHistory(metadata, artifacts);
  }

  /** Run {@code runId}'s record. */
  public Optional<RunRecord> findRun(String runId) {
    return runs.find(runId);
  }

  /**
   * The registry run {@code runId}'s versions live in: its profile's (the Vertex AI Model Registry
   * for a gcp run), else this runner's, so a reviewer's decision moves the status where the version
   * is.
   */
  public ModelRegistry registryOf(String runId) {
    return runs.find(runId)
        .flatMap(run -> profiles.forRun(run.parameters()).registry())
        .orElse(registry);
  }

  /**
   * Ends run {@code runId} with {@code status} (REJECTED or EXPIRED) when it is still
   * AWAITING_APPROVAL; returns whether it was.
   */
  public boolean finishWaiting(String runId, RunStatus status, String message) {
    Optional<RunRecord> run = runs.find(runId);
    if (run.isEmpty() || run.get().status() != RunStatus.AWAITING_APPROVAL) {
      return false;
    }
    runs.finish(runId, status, message, Instant.now());
    return true;
  }

  /**
   * Runs {@code pipeline}'s approval-requiring step (deploy) again with run {@code runId}'s
   * verified inputs and parameters, e.g. to roll back to the model that run deployed.
   *
   * @throws ComponentException when the deploy fails its checks (the serving revision stays)
   */
  public void redeploy(Pipeline pipeline, String runId, RunOptions options)
      throws ComponentException {
    RunRecord run =
        runs.find(runId)
            .orElseThrow(() -> new InvalidInputException("no run " + runId + " in " + home));
    execution.redeploy(run, pipeline, options);
  }

  /** The home this runner works in. */
  public RecopipeHome home() {
    return home;
  }

  @Override
  public void close() {
    try {
      profiles.close();
    } finally {
      metadata.close();
    }
  }
}
