package io.recopipe.components.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Puts one split flag per row into a temporary DuckDB table, in row order, for a positional join
 * that cuts a loaded table into its splits. The flags go in as list values of
 * {@value #FLAGS_PER_LIST} each, one native copy per list, because appending a row per flag
 * would cost about as much as loading the table itself.
 */
final class SplitFlags {
  static final int FLAGS_PER_LIST = 1 << 16;

  private SplitFlags() {
  }

  /** Creates temporary table {@code flags} with column {@code is_eval}, one row per flag. */
  static void upload(Connection connection, String flags, boolean[] isEval)
      throws SQLException {
    String lists = flags + "_lists";
    execute(connection, "CREATE TEMP TABLE " + lists + " (is_eval BOOLEAN[])");
    try {
      try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
          .createAppender("temp", "main", lists)) {
        for (int from = 0; from < isEval.length; from += FLAGS_PER_LIST) {
          appender.beginRow().append(Arrays.copyOfRange(isEval, from,
              Math.min(isEval.length, from + FLAGS_PER_LIST))).endRow();
        }
      }
      execute(connection, "CREATE TEMP TABLE " + flags
          + " AS SELECT unnest(is_eval) AS is_eval FROM " + lists);
    } finally {
      execute(connection, "DROP TABLE IF EXISTS temp.main." + lists);
    }
  }

  /** The number of rows of {@code table}, which must equal the number of flags. */
  static long rows(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      results.next();
      return results.getLong(1);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
