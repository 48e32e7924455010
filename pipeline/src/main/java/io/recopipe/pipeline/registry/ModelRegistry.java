package io.recopipe.pipeline.registry;

import io.recopipe.pipeline.metadata.MetadataStore;
import java.util.List;
import java.util.Optional;

/**
 * The model registry in the metadata store: numbered versions per pipeline, the
 * {@value #CHAMPION} and {@value #PREVIOUS} aliases, and the full history of every alias move.
 */
public final class ModelRegistry {
  /** The alias of the version that serves. */
  public static final String CHAMPION = "champion";
  /** The alias of the version that served before the champion (rollback target). */
  public static final String PREVIOUS = "previous";

  private final MetadataStore store;

  /** A registry over {@code store}. */
  public ModelRegistry(MetadataStore store) {
    this.store = store;
  }

  /** Registers {@code draft} under the next version number of its pipeline and returns it. */
  public ModelVersion register(ModelVersion draft) {
    throw new UnsupportedOperationException("issue 5: registry " + store.file());
  }

  /** Version {@code version} of {@code pipeline}. */
  public Optional<ModelVersion> find(String pipeline, int version) {
    throw new UnsupportedOperationException("issue 5");
  }

  /** The version run {@code runId} registered. */
  public Optional<ModelVersion> forRun(String runId) {
    throw new UnsupportedOperationException("issue 5");
  }

  /** Every version of {@code pipeline}, newest first. */
  public List<ModelVersion> list(String pipeline) {
    throw new UnsupportedOperationException("issue 5");
  }

  /** The version {@code alias} points at. */
  public Optional<ModelVersion> alias(String pipeline, String alias) {
    throw new UnsupportedOperationException("issue 5");
  }

  /**
   * Makes {@code version} the champion and the old champion {@code previous}, recording both
   * moves (and an audit entry) in one transaction.
   */
  public void promote(String pipeline, int version, String actor, String reason) {
    throw new UnsupportedOperationException("issue 5");
  }

  /** Every alias move of {@code pipeline}, newest first. */
  public List<AliasChange> history(String pipeline) {
    throw new UnsupportedOperationException("issue 5");
  }
}
