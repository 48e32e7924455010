package io.recopipe.components.warehouse;

import java.sql.SQLException;

/**
 * Turns DuckDB's multi-line SQL errors into the one-line messages users see, since the engine's
 * reason is usually what they need but its stack of context lines is not.
 */
final class DuckDbErrors {
  private static final int MAX_SQL = 200;

  private DuckDbErrors() {}

  /** A one-line exception: {@code what} (naming the table or query) and DuckDB's reason. */
  static WarehouseException wrap(String what, SQLException cause) {
    return new WarehouseException(what + ": " + reason(cause), cause);
  }

  /** The first meaningful line of DuckDB's message, whitespace collapsed. */
  static String reason(Throwable cause) {
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    String[] lines = message.strip().split("\\R");
    StringBuilder reason = new StringBuilder(lines[0].strip());
    for (int n = 1; n < lines.length && reason.length() < 300; n++) {
      String line = lines[n].strip();
      if (!line.isEmpty() && !line.startsWith("LINE ") && !line.startsWith("^")) {
        reason.append(' ').append(line);
      }
    }
    return reason.toString().replaceAll("\\s+", " ");
  }

  /** The query shortened to one line for messages. */
  static String shortSql(String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_SQL ? oneLine : oneLine.substring(0, MAX_SQL) + "…";
  }

  /** Whether {@code cause} says another process holds the database file's lock. */
  static boolean isLockConflict(SQLException cause) {
    String message = String.valueOf(cause.getMessage());
    return message.contains("Could not set lock") || message.contains("Conflicting lock");
  }
}
