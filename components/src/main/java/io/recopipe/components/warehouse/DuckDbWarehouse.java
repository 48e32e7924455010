package io.recopipe.components.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The local profile's {@link Warehouse}: one DuckDB file under the recopipe home, so users can
 * query ratings, splits and recommendations with SQL offline. Every replace fills a
 * {@code name__staging_<random>} table first and then, in one transaction, drops the old table
 * and renames the new one, so a failed load leaves the old table untouched. A run writes through
 * {@link #staged} into the {@code staging} schema, and {@link #publishStaged} copies all its
 * tables over the published ones in one transaction. One connection, guarded by this object's
 * lock, serves every caller.
 */
public final class DuckDbWarehouse implements Warehouse {
  /**
   * DuckDB's buffer pool cap (its default is 80% of RAM, which it fills with cached blocks): the
   * pipeline shares the process with a JVM heap, and loading or copying 20 million rows streams
   * through well under this (larger queries spill to disk), so a run stays within 4 GB.
   */
  static final String MEMORY_LIMIT = "512MB";
  private final Path file;
  private final Connection connection;

  private DuckDbWarehouse(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens (creating if needed) the warehouse file {@code file}.
   *
   * @throws WarehouseException when the file cannot be opened, e.g. another process holds it
   */
  public static DuckDbWarehouse open(Path file) throws WarehouseException {
    Path absolute = file.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw new WarehouseException("warehouse " + absolute + ": cannot create its directory: "
          + e.getMessage(), e);
    }
    try {
      Properties settings = new Properties();
      settings.setProperty("memory_limit", MEMORY_LIMIT);
      return new DuckDbWarehouse(absolute,
          DriverManager.getConnection("jdbc:duckdb:" + absolute, settings));
    } catch (SQLException e) {
      if (DuckDbErrors.isLockConflict(e)) {
        throw new WarehouseException("warehouse " + absolute + " is in use by another process"
            + " (wait for it to finish or use another home directory): "
            + DuckDbErrors.reason(e), e);
      }
      throw DuckDbErrors.wrap("warehouse " + absolute + ": cannot open", e);
    }
  }

  /** The warehouse file. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void replaceTableFromTsv(String table, List<Column> columns, Path tsv)
      throws WarehouseException {
    loadFromTsv(Target.published(table), columns, tsv);
  }

  @Override
  public synchronized void replaceTable(String table, List<Column> columns,
      Iterable<List<Object>> rows) throws WarehouseException {
    loadRows(Target.published(table), columns, rows);
  }

  @Override
  public synchronized void replaceTableAs(String table, String select)
      throws WarehouseException {
    loadAs(Target.published(table), select);
  }

  /** Replaces {@code target} with the rows of a headerless TSV file. */
  synchronized void loadFromTsv(Target target, List<Column> columns, Path tsv)
      throws WarehouseException {
    String definitions = Identifiers.columnDefinitions(columns);
    String source = "read_csv(" + Identifiers.literal(tsv.toAbsolutePath().toString())
        + ", delim='\t', header=false, quote='', escape='', auto_detect=false, columns="
        + Identifiers.csvColumns(columns) + ")";
    replace(target, "table " + target.table() + " from " + tsv, staging -> {
      execute("CREATE TABLE " + staging + " (" + definitions + ")");
      execute("INSERT INTO " + staging + " SELECT * FROM " + source);
    });
  }

  /** Replaces {@code target} with {@code rows}. */
  synchronized void loadRows(Target target, List<Column> columns, Iterable<List<Object>> rows)
      throws WarehouseException {
    RowAppender rowAppender = new RowAppender(target.table(), columns);
    String definitions = Identifiers.columnDefinitions(columns);
    replace(target, "table " + target.table(), staging -> {
      execute("CREATE TABLE " + staging + " (" + definitions + ")");
      try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
          .createAppender(target.schema(), unquoted(staging))) {
        rowAppender.appendAll(appender, rows);
      }
    });
  }

  /** Replaces {@code target} with the result of {@code select}. */
  synchronized void loadAs(Target target, String select) throws WarehouseException {
    replace(target, "table " + target.table() + " as " + DuckDbErrors.shortSql(select),
        staging -> execute("CREATE TABLE " + staging + " AS " + select));
  }

  @Override
  public Warehouse staged(String key) throws WarehouseException {
    return new DuckDbStagedView(this, StagedTables.requireKey(key));
  }

  @Override
  public synchronized List<String> publishStaged(String key) throws WarehouseException {
    String prefix = StagedTables.requireKey(key) + StagedTables.SEPARATOR;
    List<String> published = new ArrayList<>();
    try {
      List<String> staged = stagedTables(prefix);
      connection.setAutoCommit(false);
      try {
        for (String name : staged) {
          String table = name.substring(prefix.length());
          execute("DROP TABLE IF EXISTS main." + quote(table));
          execute("CREATE TABLE main." + quote(table) + " AS SELECT * FROM "
              + StagedTables.SCHEMA + "." + quote(name));
          execute("DROP TABLE " + StagedTables.SCHEMA + "." + quote(name));
          published.add(table);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
      dropLeftoverLoads(key);
    } catch (SQLException e) {
      throw DuckDbErrors.wrap("publish the staged tables of " + key, e);
    }
    return published.stream().sorted().toList();
  }

  @Override
  public synchronized void dropStaged(String key) throws WarehouseException {
    String prefix = StagedTables.requireKey(key) + StagedTables.SEPARATOR;
    try {
      for (String name : stagedTables(prefix)) {
        execute("DROP TABLE IF EXISTS " + StagedTables.SCHEMA + "." + quote(name));
      }
      dropLeftoverLoads(key);
    } catch (SQLException e) {
      throw DuckDbErrors.wrap("drop the staged tables of " + key, e);
    }
  }

  @Override
  public synchronized List<String> stagedKeys() throws WarehouseException {
    try {
      TreeSet<String> keys = new TreeSet<>();
      for (String name : stagedTables("")) {
        StagedTables.keyOf(name).ifPresent(keys::add);
      }
      return List.copyOf(keys);
    } catch (SQLException e) {
      throw DuckDbErrors.wrap("list the staged tables", e);
    }
  }

  /** The staging schema's tables whose names start with {@code prefix}, sorted. */
  private List<String> stagedTables(String prefix) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
            + " AND starts_with(table_name, ?) ORDER BY table_name")) {
      statement.setString(1, StagedTables.SCHEMA);
      statement.setString(2, prefix);
      try (ResultSet results = statement.executeQuery()) {
        while (results.next()) {
          names.add(results.getString(1));
        }
      }
    }
    return names;
  }

  /** Drops the half-loaded tables a killed process left behind while staging for {@code key}. */
  private void dropLeftoverLoads(String key) throws SQLException {
    for (String name : stagedTables(StagedTables.LOAD_PREFIX)) {
      if (name.contains(StagedTables.SEPARATOR + key + StagedTables.SEPARATOR)) {
        execute("DROP TABLE IF EXISTS " + StagedTables.SCHEMA + "." + quote(name));
      }
    }
  }

  @Override
  public synchronized QueryResult query(String sql) throws WarehouseException {
    try (Statement statement = connection.createStatement()) {
      if (!statement.execute(sql)) {
        return new QueryResult(List.of(), List.of());
      }
      try (ResultSet results = statement.getResultSet()) {
        return read(results);
      }
    } catch (SQLException e) {
      throw DuckDbErrors.wrap("query " + DuckDbErrors.shortSql(sql), e);
    }
  }

  @Override
  public synchronized boolean hasTable(String table) throws WarehouseException {
    String name = Identifiers.requireIdentifier(table, "table");
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'main'"
            + " AND table_name = ?")) {
      statement.setString(1, name);
      try (ResultSet results = statement.executeQuery()) {
        return results.next() && results.getLong(1) > 0;
      }
    } catch (SQLException e) {
      throw DuckDbErrors.wrap("table " + name, e);
    }
  }

  @Override
  public synchronized void close() throws WarehouseException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw DuckDbErrors.wrap("warehouse " + file + ": close", e);
    }
  }

  /** Loads a temporary table with {@code load}, then swaps it in; on failure drops it. */
  private void replace(Target target, String what, StagingLoad load) throws WarehouseException {
    String loading = target.loadingName(
        Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
    boolean swapped = false;
    try {
      if (!target.schema().equals("main")) {
        execute("CREATE SCHEMA IF NOT EXISTS " + target.schema());
      }
      load.into(loading);
      swap(target, loading);
      swapped = true;
    } catch (SQLException e) {
      throw DuckDbErrors.wrap(what, e);
    } finally {
      if (!swapped) {
        dropQuietly(loading);
      }
    }
  }

  private void swap(Target target, String loading) throws SQLException {
    connection.setAutoCommit(false);
    try {
      execute("DROP TABLE IF EXISTS " + target.qualified());
      execute("ALTER TABLE " + loading + " RENAME TO " + quote(target.name()));
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private void dropQuietly(String staging) {
    try {
      execute("DROP TABLE IF EXISTS " + staging);
    } catch (SQLException e) {
      // the original failure is what the caller needs; a stray staging table is harmless
    }
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** The bare name of a {@code schema."name"} spelling, for the appender. */
  private static String unquoted(String qualified) {
    String name = qualified.substring(qualified.indexOf('.') + 1);
    return name.substring(1, name.length() - 1).replace("\"\"", "\"");
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static QueryResult read(ResultSet results) throws SQLException {
    ResultSetMetaData meta = results.getMetaData();
    int width = meta.getColumnCount();
    List<String> columns = new ArrayList<>(width);
    for (int n = 1; n <= width; n++) {
      columns.add(meta.getColumnLabel(n));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (results.next()) {
      List<Object> row = new ArrayList<>(width);
      for (int n = 1; n <= width; n++) {
        row.add(plain(results.getObject(n)));
      }
      rows.add(row);
    }
    return new QueryResult(columns, rows);
  }

  /** SQL arrays become lists (recursively), so results compare and print naturally. */
  private static Object plain(Object value) throws SQLException {
    if (value instanceof Array array) {
      Object[] elements = (Object[]) array.getArray();
      List<Object> list = new ArrayList<>(elements.length);
      for (Object element : elements) {
        list.add(plain(element));
      }
      return list;
    }
    return value instanceof Object[] elements ? Arrays.asList(elements) : value;
  }

  /** Fills a staging table. */
  @FunctionalInterface
  private interface StagingLoad {
    void into(String staging) throws SQLException, WarehouseException;
  }
}
