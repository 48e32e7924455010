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

  /**
   * A view of this warehouse whose replace calls write the staged tables of one run
   * ({@code key}, a plain identifier) instead of the tables users query, so a run's tables become
   * visible only when {@link #publishStaged} moves them at the run's commit point; queries and
   * {@code hasTable} of the view still read the published tables.
   */
  Warehouse staged(String key) throws WarehouseException;

  /**
   * Replaces each published table with the run {@code key}'s staged table of the same name and
   * drops the staged ones; returns the names of the tables replaced, sorted. DuckDB does it in one
   * transaction (readers see all the old tables or all the new ones); BigQuery table by table.
   */
  List<String> publishStaged(String key) throws WarehouseException;

  /** Drops every staged table of run {@code key} (a failed run's tables never show). */
  void dropStaged(String key) throws WarehouseException;

  /** The keys of the runs that have staged tables, sorted. */
  List<String> stagedKeys() throws WarehouseException;

  @Override
  void close() throws WarehouseException;
}
