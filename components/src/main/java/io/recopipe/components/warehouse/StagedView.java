package io.recopipe.components.warehouse;

import java.util.List;

/**
 * The part every run-scoped staging view of a {@link Warehouse} shares: queries and staging
 * management go to the warehouse itself (queries read the published tables), and closing the view
 * leaves the warehouse open; only where a replace writes differs between engines.
 */
public abstract class StagedView implements Warehouse {
  private final Warehouse warehouse;

  /** A view over {@code warehouse}, which stays its opener's to close. */
  protected StagedView(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Override
  public final QueryResult query(String sql) throws WarehouseException {
    return warehouse.query(sql);
  }

  @Override
  public final boolean hasTable(String table) throws WarehouseException {
    return warehouse.hasTable(table);
  }

  @Override
  public final Warehouse staged(String otherKey) throws WarehouseException {
    return warehouse.staged(otherKey);
  }

  @Override
  public final List<String> publishStaged(String otherKey) throws WarehouseException {
    return warehouse.publishStaged(otherKey);
  }

  @Override
  public final void dropStaged(String otherKey) throws WarehouseException {
    warehouse.dropStaged(otherKey);
  }

  @Override
  public final List<String> stagedKeys() throws WarehouseException {
    return warehouse.stagedKeys();
  }

  /** Nothing to release: the warehouse belongs to whoever opened it. */
  @Override
  public final void close() {}
}
