package io.recopipe.components.warehouse;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Sets the {@link PublishedViews#FLAG} column of a freshly loaded split rows table from a {@link
 * RowSplit}'s flags: the flagged row numbers go through a scratch file that DuckDB's CSV reader
 * loads in one pass (a row-at-a-time path would cost more than the table's own load), and the rows
 * are addressed by {@code rowid}, which a fresh table numbers in file order.
 */
final class SplitFlags {
  private SplitFlags() {}

  /**
   * Flags the rows of {@code table} (qualified; loaded from one file into an empty table) that
   * {@code flags} selects, using a scratch file in {@code scratchDir}.
   *
   * @throws WarehouseException when the table's row count differs from the flags'
   */
  static void apply(
      Connection connection, String table, boolean[] flags, Path scratchDir, String what)
      throws SQLException, WarehouseException {
    long rows = count(connection, table);
    if (rows != flags.length) {
      throw new WarehouseException(
          what + ": the file has " + rows + " rows but the split flags " + flags.length, null);
    }
    Path scratch;
    try {
      scratch = Files.createTempFile(scratchDir, "split-", ".txt");
    } catch (IOException e) {
      throw new WarehouseException(
          what + ": cannot create a scratch file in " + scratchDir + ": " + e.getMessage(), e);
    }
    try {
      if (write(scratch, flags) == 0) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "UPDATE "
                + table
                + " SET "
                + PublishedViews.FLAG
                + " = true WHERE"
                + " rowid IN (SELECT row FROM read_csv("
                + Identifiers.literal(scratch.toString())
                + ", header=false, auto_detect=false, columns={'row': 'BIGINT'}))");
      }
    } catch (IOException e) {
      throw new WarehouseException(what + ": cannot write " + scratch + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(scratch);
      } catch (IOException e) {
        // a leftover scratch file in the warehouse directory is harmless
      }
    }
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      results.next();
      return results.getLong(1);
    }
  }

  /** Writes the numbers of the flagged rows, one a line; returns how many. */
  private static int write(Path file, boolean[] flags) throws IOException {
    int flagged = 0;
    byte[] line = new byte[24];
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (int row = 0; row < flags.length; row++) {
        if (flags[row]) {
          int at = line.length;
          line[--at] = '\n';
          int value = row;
          do {
            line[--at] = (byte) ('0' + value % 10);
            value /= 10;
          } while (value > 0);
          out.write(line, at, line.length - at);
          flagged++;
        }
      }
    }
    return flagged;
  }
}
