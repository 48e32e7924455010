package io.recopipe.pipeline.cli;

import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.review.HomeReview;
import io.recopipe.pipeline.runner.LocalRunner;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * The {@code --home} option every stateful command shares: all state (warehouse, metadata,
 * artifacts, download cache) lives under one directory, {@code RECOPIPE_HOME} or {@code .recopipe/}
 * by default, so two homes never interfere.
 */
final class HomeOption {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "State directory (default: "
              + "$RECOPIPE_HOME, else .recopipe in the working directory).")
  Path home;

  RecopipeHome resolve() {
    return RecopipeHome.resolve(home);
  }

  /**
   * A runner over this home: each run gets the engines of its recorded profile (the home's DuckDB
   * warehouse, or Google Cloud for runs started with {@code --profile gcp}).
   */
  LocalRunner runner() {
    RecopipeHome resolved = resolve();
    return LocalRunner.open(resolved, new CliProfiles(resolved));
  }

  /**
   * This home's runner, model registry and review services (SQLite), composed once over one
   * metadata store: the runner registers versions and asks approvals of the same services the
   * command hands to what it calls (gcp runs register in their profile's registry).
   */
  OpenHome open() {
    RecopipeHome resolved = resolve().create();
    MetadataStore store = MetadataStore.open(resolved.metadataDb());
    HomeReview review = HomeReview.sqlite(store, Clock.systemUTC());
    ModelRegistry registry = new SqliteModelRegistry(store);
    return new OpenHome(
        new LocalRunner(resolved, store, new CliProfiles(resolved), review, registry),
        registry,
        review);
  }

  static DuckDbWarehouse openWarehouse(RecopipeHome home) {
    io.recopipe.pipeline.home.NativeLibraries.await(
        io.recopipe.pipeline.home.NativeLibraries.DUCKDB);
    try {
      return DuckDbWarehouse.open(home.warehouseDb());
    } catch (WarehouseException e) {
      throw new OperationFailedException(e.getMessage(), e);
    }
  }
}
