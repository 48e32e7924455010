package io.recopipe.pipeline.kfp;

import io.recopipe.components.warehouse.StagedTables;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.model.error.OperationFailedException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The warehouse of one pipeline job as its task containers see it: every write staged under the
 * job's key ({@link StagedTables#keyOfRun}, as the local runner stages a run's), so nothing a task
 * writes is visible until the exit task publishes the job's tables together, and a failed job's are
 * dropped. The warehouse is opened on first use only, so tasks that never touch it never connect.
 */
final class StagedWarehouse implements Supplier<Warehouse> {
  private final Supplier<Warehouse> warehouse;
  private final String key;
  private Warehouse staged;

  StagedWarehouse(Supplier<Warehouse> warehouse, String runId) {
    this.warehouse = warehouse;
    this.key = StagedTables.keyOfRun(runId);
  }

  /** The staged view of the job's key. */
  @Override
  public synchronized Warehouse get() {
    if (staged == null) {
      try {
        staged = warehouse.get().staged(key);
      } catch (WarehouseException e) {
        throw new OperationFailedException("stage the job's tables: " + e.getMessage(), e);
      }
    }
    return staged;
  }

  /** Publishes the job's staged tables in one transaction; returns their names. */
  List<String> publish() {
    try {
      return warehouse.get().publishStaged(key);
    } catch (WarehouseException e) {
      throw new OperationFailedException(
          "publish the staged tables of " + key + ": " + e.getMessage(), e);
    }
  }

  /** Drops the job's staged tables. */
  void discard() {
    try {
      warehouse.get().dropStaged(key);
    } catch (WarehouseException e) {
      throw new OperationFailedException(
          "drop the staged tables of " + key + ": " + e.getMessage(), e);
    }
  }
}
