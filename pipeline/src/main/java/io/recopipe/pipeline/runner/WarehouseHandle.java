package io.recopipe.pipeline.runner;

import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.components.warehouse.WarehouseException;
import java.util.function.Supplier;

/**
 * Opens the warehouse on first use within a run and closes it at the end, so runs whose steps
 * never touch it (and tests) do not pay for opening DuckDB.
 */
final class WarehouseHandle implements AutoCloseable {
  private final Supplier<? extends Warehouse> factory;
  private Warehouse open;

  WarehouseHandle(Supplier<? extends Warehouse> factory) {
    this.factory = factory;
  }

  synchronized Warehouse get() {
    if (open == null) {
      open = factory.get();
    }
    return open;
  }

  @Override
  public synchronized void close() throws WarehouseException {
    if (open != null) {
      Warehouse closing = open;
      open = null;
      closing.close();
    }
  }
}
