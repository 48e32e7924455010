package io.recopipe.pipeline.runner;

import io.recopipe.components.api.Services;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.review.Approvals;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses a run's engines (warehouse and backends) from the run's own parameters, so a run keeps
 * its profile for life: resuming, approving or rolling back a gcp run from any command or from the
 * review page deploys to Cloud Run, never to a local process.
 */
public interface RunProfiles extends AutoCloseable {
  /**
   * The engines of one run.
   *
   * @param warehouses opens the run's warehouse (DuckDB locally, BigQuery on gcp)
   * @param services the backends its steps see
   * @param registry the model registry its versions go to (the gcp profile's Vertex AI Model
   *     Registry, audited to {@code audit}); empty: the registry the runner was composed with
   * @param approvals where it asks for approval and reads the decision (the gcp profile's BigQuery
   *     table, where reviewers anywhere see it); empty: the runner's (the home's)
   * @param audit the audit log of its registry and approvals (the gcp profile's BigQuery log);
   *     empty: the runner's (the home's)
   * @param champions fetches a champion of {@code registry} whose bundle the home does not hold
   *     (the gcp profile's download from the artifact store); empty: every champion's bundle is in
   *     the home
   */
  record Profile(
      Supplier<? extends Warehouse> warehouses,
      Services services,
      Optional<ModelRegistry> registry,
      Optional<Approvals> approvals,
      Optional<AuditLog> audit,
      Optional<ChampionBundles> champions) {
    /** A profile that registers in the runner's registry and asks the runner's approvals. */
    public Profile(Supplier<? extends Warehouse> warehouses, Services services) {
      this(warehouses, services, Optional.empty());
    }

    /** A profile that registers in {@code registry} and asks the runner's approvals. */
    public Profile(
        Supplier<? extends Warehouse> warehouses,
        Services services,
        Optional<ModelRegistry> registry) {
      this(warehouses, services, registry, Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /** The profile of a run with {@code parameters}. */
  Profile forRun(Map<String, String> parameters);

  /** Releases clients the profiles opened. */
  @Override
  default void close() {}

  /** The same engines for every run. */
  static RunProfiles fixed(Supplier<? extends Warehouse> warehouses, Services services) {
    Profile profile = new Profile(warehouses, services);
    return parameters -> profile;
  }
}
