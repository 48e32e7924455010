package io.recopipe.components.warehouse;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBAppender;

/**
 * Appends in-memory rows to a DuckDB table through the native appender, which loads about a
 * million rows a second where prepared inserts manage a few thousand; values are converted by the
 * declared column type so callers may pass any number type.
 */
final class RowAppender {
  private final String table;
  private final String[] types;

  RowAppender(String table, List<Column> columns) throws WarehouseException {
    this.table = table;
    this.types = new String[columns.size()];
    for (int n = 0; n < types.length; n++) {
      types[n] = Identifiers.requireType(columns.get(n).sqlType(), columns.get(n).name());
    }
  }

  /** Appends every row; returns how many. */
  long appendAll(DuckDBAppender appender, Iterable<List<Object>> rows)
      throws SQLException, WarehouseException {
    long count = 0;
    for (List<Object> row : rows) {
      count++;
      if (row.size() != types.length) {
        throw new WarehouseException("table " + table + " row " + count + ": expected "
            + types.length + " values, found " + row.size(), null);
      }
      appender.beginRow();
      for (int n = 0; n < types.length; n++) {
        append(appender, types[n], row.get(n), count);
      }
      appender.endRow();
    }
    return count;
  }

  private void append(DuckDBAppender appender, String type, Object value, long row)
      throws SQLException, WarehouseException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    try {
      switch (type) {
        case "VARCHAR" -> appender.append(value.toString());
        case "BIGINT", "INTEGER" -> appender.append(((Number) value).longValue());
        case "DOUBLE" -> appender.append(((Number) value).doubleValue());
        case "BOOLEAN" -> appender.append((boolean) (Boolean) value);
        case "TIMESTAMP" -> appender.append(toDateTime(value));
        case "DOUBLE[]", "BIGINT[]", "VARCHAR[]" -> appender.append(listLiteral(value));
        default -> throw new WarehouseException("table " + table + " row " + row
            + ": the appender cannot write " + type + " values; use replaceTableAs", null);
      }
    } catch (ClassCastException e) {
      throw new WarehouseException("table " + table + " row " + row + ": expected a " + type
          + " value, found " + value.getClass().getSimpleName() + " '" + value + "'", e);
    }
  }

  /**
   * A list as DuckDB's list literal ({@code [1.5, 2.0]}); list columns are staged as VARCHAR and
   * cast afterwards, since the appender has no list support. Doubles print in round-trip form.
   */
  static String listLiteral(Object value) {
    StringBuilder out = new StringBuilder("[");
    for (Object item : (Iterable<?>) value) {
      if (out.length() > 1) {
        out.append(", ");
      }
      if (item == null) {
        out.append("NULL");
      } else if (item instanceof Number) {
        out.append(item);
      } else {
        out.append('\'').append(item.toString().replace("'", "''")).append('\'');
      }
    }
    return out.append(']').toString();
  }

  /** Whether {@code type} is a list type, staged as VARCHAR. */
  static boolean isList(String type) {
    return type.endsWith("[]");
  }

  private static LocalDateTime toDateTime(Object value) {
    if (value instanceof LocalDateTime dateTime) {
      return dateTime;
    } else if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    } else if (value instanceof Instant instant) {
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    return LocalDateTime.ofEpochSecond(((Number) value).longValue(), 0, ZoneOffset.UTC);
  }
}
