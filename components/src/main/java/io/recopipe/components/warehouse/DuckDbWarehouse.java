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
import java.util.concurrent.ThreadLocalRandom;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The local profile's {@link Warehouse}: one DuckDB file under the recopipe home, so users can
 * query ratings, splits and recommendations with SQL offline. Every replace fills a
 * {@code name__staging_<random>} table first and then, in one transaction, drops the old table
 * and renames the new one, so a failed load leaves the old table untouched. One connection,
 * guarded by this object's lock, serves every caller.
 */
public final class DuckDbWarehouse implements Warehouse {
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
      return new DuckDbWarehouse(absolute,
          DriverManager.getConnection("jdbc:duckdb:" + absolute));
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
    String name = Identifiers.requireIdentifier(table, "table");
    String definitions = Identifiers.columnDefinitions(columns);
    String source = "read_csv(" + Identifiers.literal(tsv.toAbsolutePath().toString())
        + ", delim='\t', header=false, quote='', escape='', auto_detect=false, columns="
        + Identifiers.csvColumns(columns) + ")";
    replace(name, "table " + name + " from " + tsv, staging -> {
      execute("CREATE TABLE " + staging + " (" + definitions + ")");
      execute("INSERT INTO " + staging + " SELECT * FROM " + source);
    });
  }

  @Override
  public synchronized void replaceTable(String table, List<Column> columns,
      Iterable<List<Object>> rows) throws WarehouseException {
    String name = Identifiers.requireIdentifier(table, "table");
    RowAppender rowAppender = new RowAppender(name, columns);
    List<Column> staged = new java.util.ArrayList<>();
    for (Column column : columns) {
      staged.add(RowAppender.isList(column.sqlType())
          ? new Column(column.name(), "VARCHAR") : column);
    }
    String definitions = Identifiers.columnDefinitions(staged);
    replace(name, "table " + name, staging -> {
      execute("CREATE TABLE " + staging + " (" + definitions + ")");
      try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
          .createAppender("main", staging)) {
        rowAppender.appendAll(appender, rows);
      }
      for (Column column : columns) {
        if (RowAppender.isList(column.sqlType())) {
          execute("ALTER TABLE " + staging + " ALTER " + column.name() + " TYPE "
              + column.sqlType());
        }
      }
    });
  }

  @Override
  public synchronized void replaceTableAs(String table, String select)
      throws WarehouseException {
    String name = Identifiers.requireIdentifier(table, "table");
    replace(name, "table " + name + " as " + DuckDbErrors.shortSql(select),
        staging -> execute("CREATE TABLE " + staging + " AS " + select));
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

  /** Loads a staging table with {@code load}, then swaps it in; on failure drops the staging. */
  private void replace(String name, String what, StagingLoad load) throws WarehouseException {
    String staging = name + "__staging_"
        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    boolean swapped = false;
    try {
      load.into(staging);
      swap(name, staging);
      swapped = true;
    } catch (SQLException e) {
      throw DuckDbErrors.wrap(what, e);
    } finally {
      if (!swapped) {
        dropQuietly(staging);
      }
    }
  }

  private void swap(String name, String staging) throws SQLException {
    connection.setAutoCommit(false);
    try {
      execute("DROP TABLE IF EXISTS " + name);
      execute("ALTER TABLE " + staging + " RENAME TO " + name);
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
