package io.recopipe.components.warehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One run's view of a {@link DuckDbWarehouse}: replaces write the run's staged tables in the
 * {@value StagedTables#SCHEMA} schema (invisible to {@code SHOW TABLES} and to queries on the
 * published tables) until the run commits; queries read the published tables. Closing the view
 * leaves the warehouse open.
 */
final class DuckDbStagedView extends StagedView {
  private final DuckDbWarehouse warehouse;
  private final String key;

  DuckDbStagedView(DuckDbWarehouse warehouse, String key) {
    super(warehouse);
    this.warehouse = warehouse;
    this.key = key;
  }

  @Override
  public void replaceTableFromTsv(String table, List<Column> columns, Path tsv)
      throws WarehouseException {
    warehouse.loadFromTsv(Target.staged(key, table), columns, tsv);
  }

  @Override
  public void replaceTableWithSplitFromTsv(
      String table, List<Column> columns, Set<String> integerText, Path tsv, RowSplit split)
      throws WarehouseException {
    warehouse.loadWithSplit(Target.staged(key, table), columns, integerText, null, tsv, split);
  }

  @Override
  public void replaceTableWithSplit(
      String table,
      List<Column> columns,
      Set<String> integerText,
      ColumnRows rows,
      Path tsv,
      RowSplit split)
      throws WarehouseException {
    warehouse.loadWithSplit(Target.staged(key, table), columns, integerText, rows, tsv, split);
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
}
