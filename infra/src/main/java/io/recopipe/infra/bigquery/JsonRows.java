package io.recopipe.infra.bigquery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.Identifiers;
import io.recopipe.components.warehouse.WarehouseException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * Writes in-memory rows as newline-delimited JSON for a load job: unlike tab-separated text it
 * carries list columns (REPEATED fields), tabs and newlines inside strings, and NULLs without a
 * marker that could collide with a real value.
 */
final class JsonRows {
  private static final JsonFactory JSON = new JsonFactory();
  private final String table;
  private final List<Column> columns;
  private final String[] types;

  JsonRows(String table, List<Column> columns) throws WarehouseException {
    this.table = table;
    this.columns = List.copyOf(columns);
    this.types = new String[columns.size()];
    for (int n = 0; n < types.length; n++) {
      types[n] = Identifiers.requireType(columns.get(n).sqlType(), columns.get(n).name());
    }
  }

  /** Writes one JSON object per row; returns how many rows. */
  long write(Iterable<List<Object>> rows, OutputStream out) throws IOException, WarehouseException {
    long count = 0;
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      json.setRootValueSeparator(null);
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
        json.writeStartObject();
        for (int n = 0; n < types.length; n++) {
          if (row.get(n) != null) {
            json.writeFieldName(columns.get(n).name());
            writeValue(json, types[n], row.get(n), count);
          }
        }
        json.writeEndObject();
        json.writeRaw('\n');
      }
    }
    return count;
  }

  private void writeValue(JsonGenerator json, String type, Object value, long row)
      throws IOException, WarehouseException {
    if (type.endsWith("[]")) {
      if (!(value instanceof Iterable<?> items)) {
        throw mismatch(type, value, row);
      }
      json.writeStartArray();
      for (Object item : items) {
        if (item == null) {
          throw new WarehouseException(
              "table " + table + " row " + row + ": BigQuery lists cannot hold NULL elements",
              null);
        }
        writeValue(json, type.substring(0, type.length() - 2), item, row);
      }
      json.writeEndArray();
      return;
    }
    switch (type) {
      case "VARCHAR" -> json.writeString(value.toString());
      case "BIGINT", "INTEGER" -> json.writeNumber(number(type, value, row).longValue());
      case "DOUBLE" -> writeDouble(json, number(type, value, row).doubleValue());
      case "BOOLEAN" -> {
        if (!(value instanceof Boolean bool)) {
          throw mismatch(type, value, row);
        }
        json.writeBoolean(bool);
      }
      case "TIMESTAMP" -> json.writeString(timestamp(value, row).toString());
      default -> throw mismatch(type, value, row);
    }
  }

  /** NaN and infinities are not JSON numbers; BigQuery reads them from strings. */
  private static void writeDouble(JsonGenerator json, double value) throws IOException {
    if (Double.isNaN(value)) {
      json.writeString("NaN");
    } else if (Double.isInfinite(value)) {
      json.writeString(value > 0 ? "Infinity" : "-Infinity");
    } else {
      json.writeNumber(value);
    }
  }

  private Number number(String type, Object value, long row) throws WarehouseException {
    if (value instanceof Number number) {
      return number;
    }
    throw mismatch(type, value, row);
  }

  private Instant timestamp(Object value, long row) throws WarehouseException {
    if (value instanceof Instant instant) {
      return instant;
    } else if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    } else if (value instanceof java.time.LocalDateTime dateTime) {
      return dateTime.toInstant(java.time.ZoneOffset.UTC);
    } else if (value instanceof Number seconds) {
      return Instant.ofEpochSecond(seconds.longValue());
    }
    throw mismatch("TIMESTAMP", value, row);
  }

  private WarehouseException mismatch(String type, Object value, long row) {
    return new WarehouseException(
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
        null);
  }
}
