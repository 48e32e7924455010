package io.recopipe.infra.bigquery;

import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.Identifiers;
import io.recopipe.components.warehouse.StagedView;
import io.recopipe.components.warehouse.WarehouseException;
import java.nio.file.Path;
import java.util.List;

/**
 * One run's view of a {@link BigQueryWarehouse}: replaces write the run's {@code
 * staging__KEY__TABLE} tables, which the run's commit copies over the published ones; queries read
 * the published tables.
 */
final class BigQueryStagedView extends StagedView {
  private final BigQueryWarehouse warehouse;
  private final String key;

  BigQueryStagedView(BigQueryWarehouse warehouse, String key) {
    super(warehouse);
    this.warehouse = warehouse;
    this.key = key;
  }

  private String stagedName(String table) throws WarehouseException {
    return BigQueryWarehouse.stagedName(key, Identifiers.requireIdentifier(table, "table"));
  }

  @Override
  public void replaceTableFromTsv(String table, List<Column> columns, Path tsv)
      throws WarehouseException {
    warehouse.loadFromTsv(stagedName(table), columns, tsv);
  }

  @Override
  public void replaceTable(String table, List<Column> columns, Iterable<List<Object>> rows)
      throws WarehouseException {
    warehouse.loadRows(stagedName(table), columns, rows);
  }

  @Override
  public void replaceTableAs(String table, String select) throws WarehouseException {
    warehouse.loadAs(stagedName(table), select);
  }
}
