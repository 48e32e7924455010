package io.recopipe.components.warehouse;

import java.nio.file.Path;
import java.util.List;

/**
 * One run's view of a {@link DuckDbWarehouse}: replaces write the run's staged tables in the
 * {@value StagedTables#SCHEMA} schema (invisible to {@code SHOW TABLES} and to queries on the
 * published tables) until the run commits; queries read the published tables. Closing the view
 * leaves the warehouse open.
 */
final class DuckDbStagedView implements Warehouse {
  private final DuckDbWarehouse warehouse;
  private final String key;

  DuckDbStagedView(DuckDbWarehouse warehouse, String key) {
    this.warehouse = warehouse;
    this.key = key;
  }

  @Override
  public void replaceTableFromTsv(String table, List<Column> columns, Path tsv)
      throws WarehouseException {
    warehouse.loadFromTsv(Target.staged(key, table), columns, tsv);
  }

  @Override
  public void replaceTable(String table, List<Column> columns, Iterable<List<Object>> rows)
      throws WarehouseException {
    warehouse.loadRows(Target.staged(key, table), columns, rows);
  }

  @Override
  public void replaceTableAs(String table, String select) throws WarehouseException {
    warehouse.loadAs(Target.staged(key, table), select);
  }

  @Override
  public QueryResult query(String sql) throws WarehouseException {
    return warehouse.query(sql);
  }

  @Override
  public boolean hasTable(String table) throws WarehouseException {
    return warehouse.hasTable(table);
  }

  @Override
  public Warehouse staged(String otherKey) throws WarehouseException {
    return warehouse.staged(otherKey);
  }

  @Override
  public List<String> publishStaged(String otherKey) throws WarehouseException {
    return warehouse.publishStaged(otherKey);
  }

  @Override
  public void dropStaged(String otherKey) throws WarehouseException {
    warehouse.dropStaged(otherKey);
  }

  @Override
  public List<String> stagedKeys() throws WarehouseException {
    return warehouse.stagedKeys();
  }

  /** Nothing to release: the warehouse belongs to whoever opened it. */
  @Override
  public void close() {
  }
}
