package io.recopipe.pipeline.kfp;

import io.recopipe.components.warehouse.Column;
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
  /** The one table under the marker key: the job whose gate did not bless. */
  static final String NOT_BLESSED = "not_blessed";

  private final Supplier<Warehouse> warehouse;
  private final String key;
  private final String marker;
  private Warehouse staged;

  StagedWarehouse(Supplier<Warehouse> warehouse, String runId) {
    this.warehouse = warehouse;
    this.key = StagedTables.keyOfRun(runId);
    // a run's key starts with "r": "g" + the same id names no run's tables
    this.marker = "g" + key.substring(1);
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

  /**
   * Records, under a key of its own, that the job's gate did not bless, so the exit task publishes
   * nothing even when a task outside the gate's branch (hybrid, running beside it) staged a table
   * after the gate dropped the job's tables: KFP's exit task cannot read the gate's output, but it
   * reads the warehouse.
   */
  void markNotBlessed() {
    try {
      warehouse
          .get()
          .staged(marker)
          .replaceTable(
              NOT_BLESSED, List.of(new Column("staging_key", "VARCHAR")), List.of(List.of(key)));
    } catch (WarehouseException e) {
      throw new OperationFailedException(
          "record that the gate did not bless " + key + ": " + e.getMessage(), e);
    }
  }

  /** Whether the gate recorded that it did not bless ({@link #markNotBlessed}). */
  boolean notBlessed() {
    try {
      return warehouse.get().stagedKeys().contains(marker);
    } catch (WarehouseException e) {
      throw new OperationFailedException(
          "read the staged tables of " + key + ": " + e.getMessage(), e);
    }
  }

  /** Drops the job's staged tables and the record that its gate did not bless (the exit task). */
  void discardAll() {
    discard();
    try {
      warehouse.get().dropStaged(marker);
    } catch (WarehouseException e) {
      throw new OperationFailedException(
          "drop the staged tables of " + marker + ": " + e.getMessage(), e);
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
