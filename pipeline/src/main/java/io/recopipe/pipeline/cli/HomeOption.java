package io.recopipe.pipeline.cli;

import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.runner.LocalRunner;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --home} option every stateful command shares: all state (warehouse, metadata,
 * artifacts, download cache) lives under one directory, {@code RECOPIPE_HOME} or
 * {@code .recopipe/} by default, so two homes never interfere.
 */
final class HomeOption {
  @Option(names = "--home", paramLabel = "DIR", description = "State directory (default: "
      + "$RECOPIPE_HOME, else .recopipe in the working directory).")
  Path home;

  RecopipeHome resolve() {
    return RecopipeHome.resolve(home);
  }

  /** A local runner over this home, opening the home's DuckDB warehouse when a step needs it. */
  LocalRunner runner() {
    RecopipeHome resolved = resolve();
    return new LocalRunner(resolved, () -> openWarehouse(resolved));
  }

  static DuckDbWarehouse openWarehouse(RecopipeHome home) {
    try {
      return DuckDbWarehouse.open(home.warehouseDb());
    } catch (WarehouseException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
