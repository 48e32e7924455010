package io.recopipe.components.warehouse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validates the table names, column names and column types that are spliced into SQL text, since
 * DDL cannot take bind parameters: anything outside a plain identifier or a known type is refused
 * before it reaches the engine, so no name can smuggle SQL in.
 */
public final class Identifiers {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final Pattern TYPE =
      Pattern.compile(
          "(VARCHAR|STRING|BIGINT|INT64|INTEGER|DOUBLE|FLOAT64|BOOLEAN|TIMESTAMP)(\\[\\])?");

  private Identifiers() {}

  /** Returns {@code name} if it is a plain SQL identifier, else throws naming it. */
  public static String requireIdentifier(String name, String what) throws WarehouseException {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new WarehouseException(
          "invalid "
              + what
              + " name '"
              + name
              + "': expected letters, digits and _ (not starting with a digit, at most 63)",
          null);
    }
    return name;
  }

  /** Returns the DuckDB spelling of {@code sqlType}, refusing anything not in the common subset. */
  public static String requireType(String sqlType, String column) throws WarehouseException {
    String upper = sqlType == null ? "" : sqlType.strip().toUpperCase(Locale.ROOT);
    if (!TYPE.matcher(upper).matches()) {
      throw new WarehouseException(
          "invalid type '"
              + sqlType
              + "' for column "
              + column
              + ": expected VARCHAR, BIGINT, DOUBLE, BOOLEAN, TIMESTAMP or a list of one",
          null);
    }
    return upper
        .replace("STRING", "VARCHAR")
        .replace("INT64", "BIGINT")
        .replace("FLOAT64", "DOUBLE");
  }

  /** Validates every column and returns {@code name TYPE, …} for a CREATE TABLE. */
  static String columnDefinitions(List<Column> columns) throws WarehouseException {
    if (columns.isEmpty()) {
      throw new WarehouseException("a table needs at least one column", null);
    }
    StringBuilder sql = new StringBuilder();
    for (Column column : columns) {
      if (sql.length() > 0) {
        sql.append(", ");
      }
      sql.append(requireIdentifier(column.name(), "column"))
          .append(' ')
          .append(requireType(column.sqlType(), column.name()));
    }
    return sql.toString();
  }

  /** Returns {@code 'name': 'TYPE', …} for read_csv's {@code columns} struct. */
  static String csvColumns(List<Column> columns) throws WarehouseException {
    StringBuilder sql = new StringBuilder("{");
    for (Column column : columns) {
      if (sql.length() > 1) {
        sql.append(", ");
      }
      sql.append('\'')
          .append(requireIdentifier(column.name(), "column"))
          .append("': '")
          .append(requireType(column.sqlType(), column.name()))
          .append('\'');
    }
    return sql.append('}').toString();
  }

  /** Quotes a string as a SQL literal (single quotes doubled). */
  /** DuckDB's reader of a headerless TSV file with {@code columns}, every byte taken as is. */
  static String readTsv(List<Column> columns, java.nio.file.Path tsv) throws WarehouseException {
    return "read_csv("
        + literal(tsv.toAbsolutePath().toString())
        + ", delim='\t', header=false,"
        + " quote='', escape='', auto_detect=false, columns="
        + csvColumns(columns)
        + ")";
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
