package io.recopipe.components.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The local profile's {@link Warehouse}: one DuckDB file under the recopipe home, so users can
 * query ratings, splits and recommendations with SQL offline. A published table is a view in {@code
 * main} over the table {@code staging.published__<name>} that holds its rows, because DuckDB can
 * rename a table in one transaction but can only move one to another schema by copying it: every
 * load fills a {@code staging.load_<random>__…} table first, and swapping it in (or, at a run's
 * commit, swapping in all of the run's {@code staging.<key>__<name>} tables at once) drops the old
 * rows, renames the new table and points the view at it in one transaction, copying nothing, so a
 * failed load or a killed process leaves the old tables untouched. One connection, guarded by this
 * object's lock, serves every caller.
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
      throw new WarehouseException(
          "warehouse " + absolute + ": cannot create its directory: " + e.getMessage(), e);
    }
    try {
      Properties settings = new Properties();
      settings.setProperty("memory_limit", MEMORY_LIMIT);
      return new DuckDbWarehouse(
          absolute, DriverManager.getConnection("jdbc:duckdb:" + absolute, settings));
    } catch (SQLException e) {
      if (DuckDbErrors.isLockConflict(e)) {
        throw new WarehouseException(
            "warehouse "
                + absolute
                + " is in use by another process"
                + " (wait for it to finish or use another home directory): "
                + DuckDbErrors.reason(e),
            e);
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
  public synchronized void replaceTableWithSplitFromTsv(
      String table, List<Column> columns, Set<String> integerText, Path tsv, RowSplit split)
      throws WarehouseException {
    loadWithSplit(Target.published(table), columns, integerText, null, tsv, split);
  }

  @Override
  public synchronized void replaceTableWithSplit(
      String table,
      List<Column> columns,
      Set<String> integerText,
      ColumnRows rows,
      Path tsv,
      RowSplit split)
      throws WarehouseException {
    loadWithSplit(Target.published(table), columns, integerText, rows, tsv, split);
  }

  @Override
  public synchronized void replaceTable(
      String table, List<Column> columns, Iterable<List<Object>> rows) throws WarehouseException {
    loadRows(Target.published(table), columns, rows);
  }

  @Override
  public synchronized void replaceTableAs(String table, String select) throws WarehouseException {
    loadAs(Target.published(table), select);
  }

  /** Replaces {@code target} with the rows of a headerless TSV file. */
  synchronized void loadFromTsv(Target target, List<Column> columns, Path tsv)
      throws WarehouseException {
    String definitions = Identifiers.columnDefinitions(columns);
    String source = Identifiers.readTsv(columns, tsv);
    replace(
        target,
        "table " + target.table() + " from " + tsv,
        loading -> {
          execute("CREATE TABLE " + staging(loading) + " (" + definitions + ")");
          execute("INSERT INTO " + staging(loading) + " SELECT * FROM " + source);
        });
  }

  /**
   * Replaces {@code target} with the rows of a headerless TSV file (or the same rows held in
   * memory, {@code rows} when not null, scanned without parsing the file) plus the flag column of
   * {@code split}, whose tables it publishes as views; the {@code integerText} columns are stored
   * as {@code BIGINT} ({@link PublishedViews}).
   */
  synchronized void loadWithSplit(
      Target target,
      List<Column> columns,
      Set<String> integerText,
      ColumnRows rows,
      Path tsv,
      RowSplit split)
      throws WarehouseException {
    PublishedViews views = PublishedViews.of(split, columns, integerText);
    List<Column> stored = views.stored(columns);
    String definitions =
        Identifiers.columnDefinitions(stored) + ", " + PublishedViews.FLAG + " BOOLEAN";
    String source = Identifiers.readTsv(stored, tsv);
    String what = "table " + target.table() + " from " + tsv;
    String comment = views.comment();
    replace(
        target,
        what,
        loading -> {
          execute("CREATE TABLE " + staging(loading) + " (" + definitions + ")");
          if (rows == null) {
            execute("INSERT INTO " + staging(loading) + " SELECT *, false FROM " + source);
            SplitFlags.apply(
                connection, staging(loading), split.selected(), file.getParent(), what);
          } else {
            MemoryRowsScan.insert(connection, staging(loading), stored, rows, split.selected());
          }
          execute("COMMENT ON TABLE " + staging(loading) + " IS " + Identifiers.literal(comment));
        });
  }

  /** Replaces {@code target} with {@code rows}. */
  synchronized void loadRows(Target target, List<Column> columns, Iterable<List<Object>> rows)
      throws WarehouseException {
    RowAppender rowAppender = new RowAppender(target.table(), columns);
    String definitions = Identifiers.columnDefinitions(columns);
    replace(
        target,
        "table " + target.table(),
        loading -> {
          execute("CREATE TABLE " + staging(loading) + " (" + definitions + ")");
          try (DuckDBAppender appender =
              connection
                  .unwrap(DuckDBConnection.class)
                  .createAppender(StagedTables.SCHEMA, loading)) {
            rowAppender.appendAll(appender, rows);
          }
        });
  }

  /** Replaces {@code target} with the result of {@code select}. */
  synchronized void loadAs(Target target, String select) throws WarehouseException {
    replace(
        target,
        "table " + target.table() + " as " + DuckDbErrors.shortSql(select),
        loading -> execute("CREATE TABLE " + staging(loading) + " AS " + select));
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
      Map<String, String> moves = new LinkedHashMap<>();
      for (String name : stagedTables(prefix)) {
        moves.put(name.substring(prefix.length()), name);
      }
      published.addAll(install(moves));
      dropLeftoverLoads(key);
    } catch (SQLException e) {
      throw DuckDbErrors.wrap("publish the staged tables of " + key, e);
    }
    return published.stream().sorted().toList();
  }

  /**
   * In one transaction, makes each {@code staging} table of {@code moves} (published name to
   * staging name) the rows of its published table: drops the old rows (or a table of that name in
   * {@code main}, as earlier versions published), renames the new ones and points the view at them
   * (and the views of a split, {@link PublishedViews}, at the rows of its whole table). Only
   * catalog entries change, so its cost does not grow with the rows. Returns the names of the views
   * published.
   */
  private List<String> install(Map<String, String> moves) throws SQLException {
    List<String> views = new ArrayList<>();
    if (moves.isEmpty()) {
      return views;
    }
    inTransaction(
        () -> {
          for (Map.Entry<String, String> move : moves.entrySet()) {
            String table = move.getKey();
            String rows = StagedTables.publishedName(table);
            Map<String, String> published =
                PublishedViews.of(connection, table, move.getValue(), staging(rows));
            for (String view : published.keySet()) {
              if (isTableInMain(view)) {
                execute("DROP TABLE main." + quote(view));
              }
              execute("DROP TABLE IF EXISTS " + staging(StagedTables.publishedName(view)));
            }
            execute("ALTER TABLE " + staging(move.getValue()) + " RENAME TO " + quote(rows));
            for (Map.Entry<String, String> view : published.entrySet()) {
              execute(
                  "CREATE OR REPLACE VIEW main." + quote(view.getKey()) + " AS " + view.getValue());
              views.add(view.getKey());
            }
          }
        });
    return views;
  }

  /** Whether {@code main} has a table (not a view) named {@code table}. */
  private boolean isTableInMain(String table) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM duckdb_tables() WHERE database_name = current_database()"
                + " AND schema_name = 'main' AND table_name = ?")) {
      statement.setString(1, table);
      try (ResultSet results = statement.executeQuery()) {
        return results.next() && results.getLong(1) > 0;
      }
    }
  }

  @Override
  public synchronized void dropStaged(String key) throws WarehouseException {
    String prefix = StagedTables.requireKey(key) + StagedTables.SEPARATOR;
    try {
      for (String name : stagedTables(prefix)) {
        execute("DROP TABLE IF EXISTS " + staging(name));
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
    try (PreparedStatement statement =
        connection.prepareStatement(
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
        execute("DROP TABLE IF EXISTS " + staging(name));
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
        return QueryResult.read(results);
      }
    } catch (SQLException e) {
      throw DuckDbErrors.wrap("query " + DuckDbErrors.shortSql(sql), e);
    }
  }

  @Override
  public synchronized boolean hasTable(String table) throws WarehouseException {
    String name = Identifiers.requireIdentifier(table, "table");
    try (PreparedStatement statement =
        connection.prepareStatement(
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
    String loading =
        target.loadingName(Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
    boolean swapped = false;
    try {
      execute("CREATE SCHEMA IF NOT EXISTS " + StagedTables.SCHEMA);
      load.into(loading);
      if (target.published()) {
        install(Map.of(target.table(), loading));
      } else {
        swapStaged(target, loading);
      }
      swapped = true;
    } catch (SQLException e) {
      throw DuckDbErrors.wrap(what, e);
    } finally {
      if (!swapped) {
        dropQuietly(loading);
      }
    }
  }

  /** Replaces a run's staged table with the loaded one. */
  private void swapStaged(Target target, String loading) throws SQLException {
    inTransaction(
        () -> {
          execute("DROP TABLE IF EXISTS " + target.qualified());
          execute("ALTER TABLE " + staging(loading) + " RENAME TO " + quote(target.name()));
        });
  }

  /** Runs {@code work} as one transaction: committed whole, or rolled back and rethrown. */
  private void inTransaction(SqlWork work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      work.run();
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private void dropQuietly(String loading) {
    try {
      execute("DROP TABLE IF EXISTS " + staging(loading));
    } catch (SQLException e) {
      // the original failure is what the caller needs; a stray staging table is harmless
    }
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code staging."name"}. */
  private static String staging(String name) {
    return StagedTables.SCHEMA + "." + quote(name);
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Statements that belong to one transaction. */
  @FunctionalInterface
  private interface SqlWork {
    void run() throws SQLException;
  }

  /** Fills a new table (its bare name in the staging schema). */
  @FunctionalInterface
  private interface StagingLoad {
    void into(String loading) throws SQLException, WarehouseException;
  }
}
