package io.recopipe.pipeline.testing;

import io.recopipe.components.api.Services;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunProfiles;
import java.util.function.Supplier;

/**
 * The local runners tests build, in one place: {@link LocalRunner} has one composing constructor
 * and {@link LocalRunner#open}, and a test that only needs "a runner over this home and this
 * warehouse" says so in one call instead of repeating the composition.
 */
public final class TestRunners {
  private TestRunners() {}

  /**
   * A runner over {@code home} (created if missing) with the home's SQLite records, approvals and
   * registry, every run on {@code warehouses} and no other backends.
   */
  public static LocalRunner runner(RecopipeHome home, Supplier<? extends Warehouse> warehouses) {
    return LocalRunner.open(home, local(warehouses));
  }

  /** {@link #runner} on the DuckDB warehouse in {@code home}. */
  public static LocalRunner duckDbRunner(RecopipeHome home) {
    return runner(home, duckDb(home));
  }

  /** The same {@code warehouses} and no other backends for every run. */
  public static RunProfiles local(Supplier<? extends Warehouse> warehouses) {
    return RunProfiles.fixed(warehouses, Services.none());
  }

  /** Opens the DuckDB warehouse in {@code home} each time it is asked. */
  public static Supplier<DuckDbWarehouse> duckDb(RecopipeHome home) {
    return () -> {
      try {
        return DuckDbWarehouse.open(home.warehouseDb());
      } catch (WarehouseException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    };
  }
}
