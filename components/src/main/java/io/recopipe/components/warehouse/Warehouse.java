package io.recopipe.components.warehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

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

  /**
   * Replaces {@code table} with the rows of {@code tsv} as {@link #replaceTableFromTsv} does, and
   * the two tables of {@code split} with the rows it flags and the rest, each in file order; a
   * reader sees the old or the new version of each table. Every value of the {@code integerText}
   * columns (declared {@code VARCHAR}) is a canonical base-10 integer, as {@link Long#toString}
   * writes it, so a warehouse may store them as integers while publishing them as text. This
   * default loads the three files.
   */
  default void replaceTableWithSplitFromTsv(
      String table, List<Column> columns, Set<String> integerText, Path tsv, RowSplit split)
      throws WarehouseException {
    replaceTableFromTsv(table, columns, tsv);
    replaceTableFromTsv(split.selectedTable(), columns, split.selectedTsv());
    replaceTableFromTsv(split.otherTable(), columns, split.otherTsv());
  }

  /**
   * Does what {@link #replaceTableWithSplitFromTsv} does, with {@code rows} holding in memory
   * exactly the rows {@code tsv} reads as (the {@code integerText} columns as {@code BIGINT}), so a
   * warehouse may load them without parsing the file (DuckDB scans them straight into its vectors).
   * This default loads the files.
   */
  default void replaceTableWithSplit(
      String table,
      List<Column> columns,
      Set<String> integerText,
      ColumnRows rows,
      Path tsv,
      RowSplit split)
      throws WarehouseException {
    replaceTableWithSplitFromTsv(table, columns, integerText, tsv, split);
  }

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
   * A view of this warehouse whose replace calls write the staged tables of one run ({@code key}, a
   * plain identifier) instead of the tables users query, so a run's tables become visible only when
   * {@link #publishStaged} moves them at the run's commit point; queries and {@code hasTable} of
   * the view still read the published tables.
   */
  Warehouse staged(String key) throws WarehouseException;

  /**
   * Replaces each published table with the run {@code key}'s staged table of the same name and
   * drops the staged ones; returns the names of the tables replaced, sorted. DuckDB does it in one
   * transaction (readers see all the old tables or all the new ones), BigQuery in one
   * multi-statement transaction.
   */
  List<String> publishStaged(String key) throws WarehouseException;

  /** Drops every staged table of run {@code key} (a failed run's tables never show). */
  void dropStaged(String key) throws WarehouseException;

  /** The keys of the runs that have staged tables, sorted. */
  List<String> stagedKeys() throws WarehouseException;

  @Override
  void close() throws WarehouseException;
}
