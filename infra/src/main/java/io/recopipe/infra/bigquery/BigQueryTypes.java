package io.recopipe.infra.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.Identifiers;
import io.recopipe.components.warehouse.WarehouseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the warehouse's column types (the DuckDB/BigQuery common subset) to BigQuery schemas and
 * BigQuery's result values back to plain Java values, so a table means the same in both profiles.
 */
final class BigQueryTypes {
  private BigQueryTypes() {}

  /** The BigQuery schema of {@code columns}; {@code T[]} becomes a REPEATED T field. */
  static Schema schema(List<Column> columns) throws WarehouseException {
    if (columns.isEmpty()) {
      throw new WarehouseException("a table needs at least one column", null);
    }
    List<Field> fields = new ArrayList<>(columns.size());
    for (Column column : columns) {
      String name = Identifiers.requireIdentifier(column.name(), "column");
      String type = Identifiers.requireType(column.sqlType(), name);
      boolean list = type.endsWith("[]");
      Field.Builder field =
          Field.newBuilder(name, standardType(list ? type.substring(0, type.length() - 2) : type));
      fields.add(field.setMode(list ? Field.Mode.REPEATED : Field.Mode.NULLABLE).build());
    }
    return Schema.of(fields);
  }

  /** The BigQuery type of a DuckDB spelling returned by {@link Identifiers#requireType}. */
  static StandardSQLTypeName standardType(String duckDbType) {
    return switch (duckDbType) {
      case "VARCHAR" -> StandardSQLTypeName.STRING;
      case "BIGINT", "INTEGER" -> StandardSQLTypeName.INT64;
      case "DOUBLE" -> StandardSQLTypeName.FLOAT64;
      case "BOOLEAN" -> StandardSQLTypeName.BOOL;
      case "TIMESTAMP" -> StandardSQLTypeName.TIMESTAMP;
      default -> throw new IllegalArgumentException("no BigQuery type for " + duckDbType);
    };
  }

  /** One result row as plain values: String, Long, Double, Boolean, Instant, List, Map. */
  static List<Object> row(FieldList fields, FieldValueList values) {
    List<Object> row = new ArrayList<>(fields.size());
    for (int n = 0; n < fields.size(); n++) {
      row.add(value(fields.get(n), values.get(n)));
    }
    return row;
  }

  /** A value as a plain Java object (null for NULL); REPEATED → List, RECORD → Map by name. */
  static Object value(Field field, FieldValue value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (field.getMode() == Field.Mode.REPEATED) {
      List<Object> list = new ArrayList<>();
      Field element = field.toBuilder().setMode(Field.Mode.NULLABLE).build();
      for (FieldValue item : value.getRepeatedValue()) {
        list.add(value(element, item));
      }
      return list;
    }
    LegacySQLTypeName type = field.getType();
    if (type.equals(LegacySQLTypeName.RECORD)) {
      Map<String, Object> record = new LinkedHashMap<>();
      FieldList subFields = field.getSubFields();
      FieldValueList values = value.getRecordValue();
      for (int n = 0; n < subFields.size(); n++) {
        record.put(subFields.get(n).getName(), value(subFields.get(n), values.get(n)));
      }
      return record;
    }
    if (type.equals(LegacySQLTypeName.INTEGER)) {
      return value.getLongValue();
    } else if (type.equals(LegacySQLTypeName.FLOAT)) {
      return value.getDoubleValue();
    } else if (type.equals(LegacySQLTypeName.BOOLEAN)) {
      return value.getBooleanValue();
    } else if (type.equals(LegacySQLTypeName.TIMESTAMP)) {
      return Instant.ofEpochSecond(0, value.getTimestampValue() * 1000L);
    }
    return value.getStringValue();
  }
}
