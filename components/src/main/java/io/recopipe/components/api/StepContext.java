package io.recopipe.components.api;

import io.recopipe.components.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a component may touch while it runs: its input artifacts, the directories for its
 * outputs, its parameters, the warehouse, its log and metrics. Keeping it to this interface is what
 * lets the same component run locally and on Google Cloud.
 */
public interface StepContext {
  /** The run's id. */
  String runId();

  /** The step's name within the pipeline. */
  String stepName();

  /** The directory of the artifact connected to input {@code port} (read-only). */
  Path input(String port) throws ComponentException;

  /** Whether optional input {@code port} is connected and present. */
  boolean hasInput(String port);

  /** An empty directory to write output {@code port} into. */
  Path output(String port) throws ComponentException;

  /**
   * This step's parameters, keys without the step prefix (for step {@code train}, config key {@code
   * train.num_factors} arrives as {@code num_factors}), values as text.
   */
  Map<String, String> parameters();

  /** The warehouse (DuckDB locally, BigQuery on Google Cloud). */
  Warehouse warehouse();

  /** The step's log. */
  StepLog log();

  /** Records a metric of this execution (also shown by {@code recopipe runs show}). */
  void metric(String name, double value);

  /** The current champion's model bundle directory, when one exists (for comparisons). */
  Optional<Path> championModel();

  /** Directory for downloads and other reusable caches shared across runs (under the home). */
  Path cacheDirectory();

  /**
   * Where long-lived local services keep their state across runs (serving revisions, the endpoint
   * registry): {@code HOME/serving} locally.
   */
  default Path serviceDirectory() {
    return cacheDirectory().resolveSibling("serving");
  }

  /**
   * When the run started (the same on every attempt and after a resume), for timestamps that must
   * not change an artifact's bytes between attempts; empty when the runner has none.
   */
  default Optional<java.time.Instant> runStartedAt() {
    return Optional.empty();
  }

  /**
   * The {@code type} backend the run's profile installed (see {@link Services}); empty in the local
   * profile, where each step uses its built-in engine.
   */
  default <T> Optional<T> service(Class<T> type) {
    return Optional.empty();
  }
}
