package io.recopipe.components.warehouse;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;

/**
 * Appends in-memory rows to a DuckDB table through the native appender, which loads about a million
 * rows a second where prepared inserts manage a few thousand; values are converted by the declared
 * column type so callers may pass any number type.
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
        throw new WarehouseException(
            "table "
                + table
                + " row "
                + count
                + ": expected "
                + types.length
                + " values, found "
                + row.size(),
            null);
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
        case "DOUBLE[]" -> {
          if (value instanceof DoubleList list) {
            appender.append(list.values());
          } else {
            appender.append(listOf(type, value));
          }
        }
        case "BIGINT[]", "VARCHAR[]" -> appender.append(listOf(type, value));
        default ->
            throw new WarehouseException(
                "table "
                    + table
                    + " row "
                    + row
                    + ": the appender cannot write "
                    + type
                    + " values; use replaceTableAs",
                null);
      }
    } catch (ClassCastException e) {
      throw new WarehouseException(
          "table "
              + table
              + " row "
              + row
              + ": expected a "
              + type
              + " value, found "
              + value.getClass().getSimpleName()
              + " '"
              + value
              + "'",
          e);
    }
  }

  /**
   * The elements of a list value converted to the list column's element type (any number type may
   * be passed for a number list), appended natively: no text round trip, values stay exact.
   */
  private static List<Object> listOf(String type, Object value) {
    List<Object> list = new ArrayList<>();
    for (Object item : (Iterable<?>) value) {
      if (item == null) {
        list.add(null);
      } else if (type.equals("DOUBLE[]")) {
        list.add(((Number) item).doubleValue());
      } else if (type.equals("BIGINT[]")) {
        list.add(((Number) item).longValue());
      } else {
        list.add(item.toString());
      }
    }
    return list;
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
