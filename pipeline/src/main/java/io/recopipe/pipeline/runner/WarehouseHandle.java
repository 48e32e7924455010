package io.recopipe.pipeline.runner;

import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.model.error.OperationFailedException;
import java.util.function.Supplier;

/**
 * Opens the warehouse on first use within a run and closes it at the end, so runs whose steps never
 * touch it (and tests) do not pay for opening DuckDB; steps get the run's staged view.
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

  /** The run {@code key}'s staged view (see {@link Warehouse#staged}). */
  synchronized Warehouse staged(String key) {
    try {
      return get().staged(key);
    } catch (WarehouseException e) {
      throw new OperationFailedException(e.getMessage(), e);
    }
  }

  /** Whether a step of this run opened the warehouse (only then can it have staged tables). */
  synchronized boolean isOpen() {
    return open != null;
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
