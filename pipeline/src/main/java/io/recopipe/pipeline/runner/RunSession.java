package io.recopipe.pipeline.runner;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.warehouse.StagedTables;
import io.recopipe.pipeline.artifacts.ArtifactStore;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.artifacts.TreeHash;
import io.recopipe.pipeline.config.StepParameterView;
import io.recopipe.pipeline.dsl.OutputRef;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.dsl.Step;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.ArtifactRepository;
import io.recopipe.pipeline.metadata.ExecutionRepository;
import io.recopipe.pipeline.metadata.RunRepository;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.review.Approvals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run (or resume) shares across its steps: ids, stores, parameters, options and the
 * outputs produced so far, so step-level classes take one argument instead of ten.
 */
final class RunSession {
  final String runId;
  final Pipeline pipeline;
  final Map<String, String> parameters;
  final RunOptions options;
  final RecopipeHome home;
  final ArtifactStore artifacts;
  final ExecutionRepository executions;
  final ArtifactRepository lineage;
  final WarehouseHandle warehouse;
  final java.time.Instant startedAt;

  /** The profile's backends (none in the local profile). */
  final io.recopipe.components.api.Services services;

  final String startedBy;
  final ModelRegistry registry;
  final Approvals approvals;

  /** Fetches a champion whose bundle this home does not hold (see {@link RunProfiles.Profile}). */
  final Optional<ChampionBundles> championBundles;

  /** The runs table (the run's commit mark). */
  final RunRepository runs;

  /** The key the run's staged warehouse tables carry. */
  final String stagingKey;

  /** The run's commit point: staged tables and the draft version. */
  final RunCommit commit;

  private final Map<String, Map<String, StoredArtifact>> outputsByStep = new HashMap<>();
  private final java.util.Set<String> rolledBack = new java.util.HashSet<>();
  private final java.util.Set<String> badInput = new java.util.HashSet<>();
  private final Map<String, Champion> fetchedChampions = new HashMap<>();
  private boolean prepared;

  /** A champion bundle: its artifact (whose hash keys the steps reading it) and its directory. */
  private record Champion(StoredArtifact artifact, Path dir) {}

  RunSession(
      String runId,
      Pipeline pipeline,
      Map<String, String> parameters,
      RunOptions options,
      RecopipeHome home,
      ArtifactStore artifacts,
      ExecutionRepository executions,
      ArtifactRepository lineage,
      WarehouseHandle warehouse,
      java.time.Instant startedAt,
      String startedBy,
      ModelRegistry registry,
      Approvals approvals,
      io.recopipe.components.api.Services services,
      RunRepository runs,
      Optional<ChampionBundles> championBundles) {
    this.runs = runs;
    this.championBundles = championBundles;
    this.stagingKey = StagedTables.keyOfRun(runId);
    this.commit = new RunCommit(this);
    this.services = services;
    this.startedAt = startedAt;
    this.startedBy = startedBy;
    this.registry = registry;
    this.approvals = approvals;
    this.runId = runId;
    this.pipeline = pipeline;
    this.parameters = Map.copyOf(parameters);
    this.options = options;
    this.home = home;
    this.artifacts = artifacts;
    this.executions = executions;
    this.lineage = lineage;
    this.warehouse = warehouse;
  }

  /**
   * Lets {@code step} and every step after it prepare in the background, once per run (see {@link
   * io.recopipe.components.api.Component#prepare}): a step that executes writes new outputs, so the
   * steps after it most likely execute too, while a run whose steps all come from the cache
   * prepares nothing.
   */
  void prepareFrom(Step step) {
    if (prepared) {
      return;
    }
    prepared = true;
    boolean from = false;
    for (Step each : pipeline.executionOrder()) {
      from |= each.name().equals(step.name());
      if (from) {
        try {
          each.component().prepare(StepParameterView.of(each.name(), parameters));
        } catch (RuntimeException e) {
          // preparing only saves time
        }
      }
    }
  }

  void progress(String step, String line) {
    options.progress().println("[" + step + "] " + line);
  }

  /** Records that {@code step} failed by rolling back a deploy (the run ends ROLLED_BACK). */
  void markRolledBack(String step) {
    rolledBack.add(step);
  }

  boolean wasRolledBack(String step) {
    return rolledBack.contains(step);
  }

  /** Records that {@code step} failed on the user's input data (the CLI exits 2). */
  void markBadInput(String step) {
    badInput.add(step);
  }

  boolean wasBadInput(String step) {
    return badInput.contains(step);
  }

  void recordOutputs(String step, Map<String, StoredArtifact> outputs) {
    outputsByStep.put(step, new LinkedHashMap<>(outputs));
  }

  /** The artifact produced at {@code ref} in this run, if its step has finished. */
  Optional<StoredArtifact> output(OutputRef ref) {
    return Optional.ofNullable(outputsByStep.getOrDefault(ref.step(), Map.of()).get(ref.port()));
  }

  Path directoryOf(StoredArtifact artifact) {
    return artifacts.resolve(artifact.uri());
  }

  /**
   * The champion model directory (see {@link LocalRunner#CHAMPION_STEP}); a step reads it after
   * {@link #championArtifact} fetched it for the step's cache key.
   */
  Optional<Path> championModel() {
    try {
      return champion().map(Champion::dir);
    } catch (ComponentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * The champion model artifact, whose hash enters the cache key of steps that read it: the bundle
   * of the registry's {@value ModelRegistry#CHAMPION} version (fetched into the home's cache when
   * the home does not hold it, e.g. a Vertex AI job promoted it), or, in a home from before the
   * registry (no champion at all), the latest successful run's export.
   *
   * @throws ComponentException when the champion's bundle cannot be fetched: the run stops rather
   *     than judge its model without the comparison
   */
  Optional<StoredArtifact> championArtifact() throws ComponentException {
    return champion().map(Champion::artifact);
  }

  private Optional<Champion> champion() throws ComponentException {
    Optional<RegisteredVersion> champion = registry.alias(pipeline.name(), ModelRegistry.CHAMPION);
    if (champion.isEmpty()) {
      return lineage
          .latestModelOf(pipeline.name(), LocalRunner.CHAMPION_STEP)
          .map(artifact -> new Champion(artifact, directoryOf(artifact)));
    }
    Optional<StoredArtifact> local = lineage.find(champion.get().bundleUri());
    if (local.isPresent() || championBundles.isEmpty()) {
      return local.map(artifact -> new Champion(artifact, directoryOf(artifact)));
    }
    return Optional.of(fetched(champion.get(), championBundles.get()));
  }

  /** {@code champion}'s bundle, fetched once per run into the home's cache (once per home). */
  private synchronized Champion fetched(RegisteredVersion champion, ChampionBundles bundles)
      throws ComponentException {
    String key =
        champion.bundleSha256().isBlank() ? "v" + champion.version() : champion.bundleSha256();
    Champion known = fetchedChampions.get(key);
    if (known != null) {
      return known;
    }
    try {
      Path dir = bundles.fetch(champion, home.cache().resolve("champions").resolve(key));
      TreeHash hash = TreeHash.of(dir);
      Champion fetched =
          new Champion(
              new StoredArtifact(
                  0, champion.bundleUri(), ArtifactType.MODEL, hash.sha256(), hash.bytes()),
              dir);
      fetchedChampions.put(key, fetched);
      return fetched;
    } catch (IOException | RuntimeException e) {
      throw new ComponentException(
          "cannot fetch the champion "
              + champion.pipeline()
              + " v"
              + champion.version()
              + " ("
              + champion.bundleUri()
              + ") to compare with: "
              + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "),
          e);
    }
  }
}
