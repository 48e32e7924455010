package io.recopipe.components.warehouse;

import java.nio.file.Path;
import java.util.List;

/**
 * The SQL tables users query (ratings, splits, training info, evaluation, weights,
 * recommendations): DuckDB in the local profile, BigQuery on Google Cloud. Every write replaces a
 * whole table atomically, so a failed step never leaves half a table behind.
 */
public interface Warehouse extends AutoCloseable {
  /**
   * Replaces {@code table} with the rows of a headerless tab-separated file whose columns are
   * {@code columns}, atomically (readers see the old table or the new one, never a mix).
   */
  void replaceTableFromTsv(String table, List<Column> columns, Path tsv) throws WarehouseException;

  /** Replaces {@code table} with {@code rows} (values in column order), atomically. */
  void replaceTable(String table, List<Column> columns, Iterable<List<Object>> rows)
      throws WarehouseException;

  /** Replaces {@code table} with the result of {@code select}, atomically. */
  void replaceTableAs(String table, String select) throws WarehouseException;

  /** Runs a query and returns its rows. */
  QueryResult query(String sql) throws WarehouseException;

  /** Whether {@code table} exists. */
  boolean hasTable(String table) throws WarehouseException;

  @Override
  void close() throws WarehouseException;
}
