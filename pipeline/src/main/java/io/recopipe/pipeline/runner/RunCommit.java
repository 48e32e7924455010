package io.recopipe.pipeline.runner;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.deploy.DeployComponent;
import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.components.deploy.EndpointRegistry;
import io.recopipe.components.warehouse.StagedTables;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonInputException;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.config.StepParameterView;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run's commit point: until it, the run's warehouse tables are staged and its model version is
 * only a draft; at it (the end of a SUCCEEDED run, or the moment a run starts waiting for approval)
 * the staged tables replace the published ones and the version is registered, so a run that fails,
 * is gated or is killed before it changes nothing anyone can see. Committing is idempotent: a
 * resumed run commits once, and an identical rerun reuses the version with the same content instead
 * of registering a new one.
 */
final class RunCommit {

  private final RunSession session;
  private RegisteredVersion draft;

  RunCommit(RunSession session) {
    this.session = session;
  }

  /** Sets the version the run registers at its commit point. */
  synchronized void draft(RegisteredVersion version) {
    draft = version;
  }

  /** Records the packaged image on the draft. */
  synchronized void image(String imageUri) {
    if (draft != null && draft.imageUri().isEmpty()) {
      draft =
          new RegisteredVersion(
              draft.pipeline(),
              draft.version(),
              draft.runId(),
              draft.modelVersion(),
              draft.bundleUri(),
              draft.bundleSha256(),
              Optional.of(imageUri),
              draft.dataFingerprint(),
              draft.options(),
              draft.metrics(),
              draft.gateDecision(),
              draft.blessed(),
              draft.status(),
              draft.createdAt());
    }
  }

  /**
   * Publishes the run's staged tables (once per run) and registers its draft version, or finds the
   * registered version with the same content; returns the run's version, if it has a model. A run
   * whose model is the champion already (an identical rerun) publishes nothing: the published
   * tables already describe that model.
   */
  synchronized Optional<RegisteredVersion> commit() throws WarehouseException {
    RunRecord run = session.runs.find(session.runId).orElseThrow();
    boolean unchangedChampion =
        draft != null
            && session
                .registry
                .alias(draft.pipeline(), ModelRegistry.CHAMPION)
                .filter(c -> c.modelVersion().equals(draft.modelVersion()))
                .filter(c -> !c.runId().equals(session.runId))
                .isPresent();
    if (run.committedAt() == null && !unchangedChampion && session.warehouse.isOpen()) {
      List<String> tables = session.warehouse.get().publishStaged(session.stagingKey);
      if (!tables.isEmpty()) {
        session.options.progress().println("published tables " + String.join(", ", tables));
      }
    }
    Optional<RegisteredVersion> version = Optional.ofNullable(draft).map(this::register);
    if (run.committedAt() == null) {
      session.runs.markCommitted(session.runId, session.options.clock().instant());
    }
    return version;
  }

  /** Drops what the run still has staged (all of it when it never reached its commit point). */
  void discard() throws WarehouseException {
    if (session.warehouse.isOpen()) {
      session.warehouse.get().dropStaged(session.stagingKey);
    }
  }

  /**
   * Drops the staged tables of every run that is not running in a live process: runs that ended
   * never publish them, and a killed run stages its tables again as its resume republishes its
   * steps.
   */
  void dropStale() throws WarehouseException {
    if (!session.warehouse.isOpen()) {
      return;
    }
    Set<String> running =
        session.runs.list().stream()
            .filter(r -> r.status() == RunStatus.RUNNING)
            .filter(r -> new ProcessIdentity(r.pid(), r.pidStarted()).isAlive())
            .map(r -> StagedTables.keyOfRun(r.id()))
            .collect(Collectors.toSet());
    Warehouse warehouse = session.warehouse.get();
    for (String key : warehouse.stagedKeys()) {
      if (!running.contains(key)) {
        warehouse.dropStaged(key);
      }
    }
  }

  /**
   * Why the deploy step has nothing to do: the run's model is already the champion and the local
   * endpoint serves it from a live process.
   */
  synchronized Optional<String> alreadyServing() {
    if (draft == null) {
      return Optional.empty();
    }
    return session
        .registry
        .alias(draft.pipeline(), ModelRegistry.CHAMPION)
        .filter(champion -> champion.modelVersion().equals(draft.modelVersion()))
        .filter(champion -> servesLive(champion.modelVersion()))
        .map(champion -> unchanged(champion));
  }

  /** Whether the run's steps served a model: an endpoint output that does not say otherwise. */
  boolean served(List<StepResult> steps) {
    for (StepResult step : steps) {
      for (StoredArtifact artifact : step.outputs().values()) {
        if (artifact.type() == ArtifactType.ENDPOINT
            && step.status() == ExecutionStatus.SUCCEEDED
            && deployed(session.directoryOf(artifact))) {
          return true;
        }
      }
    }
    return false;
  }

  private RegisteredVersion register(RegisteredVersion version) {
    Optional<RegisteredVersion> same =
        session.registry.withModelVersion(version.pipeline(), version.modelVersion());
    if (same.isEmpty()) {
      RegisteredVersion registered = session.registry.register(version, session.startedBy);
      session
          .options
          .progress()
          .println(
              "registered "
                  + registered.pipeline()
                  + " v"
                  + registered.version()
                  + " (model "
                  + registered.modelVersion()
                  + ")");
      return registered;
    }
    RegisteredVersion existing = same.get();
    if (existing.imageUri().isEmpty() && version.imageUri().isPresent()) {
      session.registry.setImage(existing.pipeline(), existing.version(), version.imageUri().get());
    }
    if (!existing.runId().equals(session.runId)) {
      session.options.progress().println(unchanged(existing));
    }
    return session.registry.find(existing.pipeline(), existing.version()).orElseThrow();
  }

  private String unchanged(RegisteredVersion existing) {
    String label = existing.pipeline() + " v" + existing.version() + " unchanged";
    boolean champion =
        session
            .registry
            .alias(existing.pipeline(), ModelRegistry.CHAMPION)
            .map(c -> c.version() == existing.version())
            .orElse(false);
    if (champion && servesLive(existing.modelVersion())) {
      return label + ", already serving";
    }
    return champion
        ? label + ", champion"
        : label + " (registered by run " + existing.runId() + ")";
  }

  /** Whether the local endpoint serves {@code modelVersion} from a live process. */
  private boolean servesLive(String modelVersion) {
    if (session.services.get(DeployTarget.class).isPresent()) {
      return false;
    }
    try {
      EndpointRegistry endpoint = EndpointRegistry.load(session.home.serving());
      return endpoint.configuredAs(StepParameterView.of(DeployComponent.NAME, session.parameters))
          && endpoint
              .serving()
              .filter(r -> r.modelVersion().equals(modelVersion))
              .filter(r -> EndpointRegistry.alive(r.pid()))
              .isPresent();
    } catch (IOException | ComponentException e) {
      return false;
    }
  }

  private static boolean deployed(Path endpointDir) {
    Path file = endpointDir.resolve(DeployComponent.ENDPOINT_FILE);
    try {
      return !Files.isRegularFile(file)
          || Json.parse(Files.readAllBytes(file)).path("deployed").asBoolean(true);
    } catch (IOException | JsonInputException e) {
      return true;
    }
  }
}
