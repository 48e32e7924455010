package io.recopipe.components.steps;

import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.components.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory warehouse that records each replaced table, so step tests need no database. */
public final class FakeWarehouse implements Warehouse {
  /** A recorded table. */
  public record Table(List<Column> columns, List<List<Object>> rows) {
    /** The values of column {@code name}, one per row. */
    public List<Object> column(String name) {
      int index = -1;
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).name().equals(name)) {
          index = c;
        }
      }
      if (index < 0) {
        throw new IllegalArgumentException("no column " + name);
      }
      List<Object> values = new ArrayList<>();
      for (List<Object> row : rows) {
        values.add(row.get(index));
      }
      return values;
    }
  }

  public final Map<String, Table> tables = new LinkedHashMap<>();
  public int replacements;

  public Table table(String name) {
    Table table = tables.get(name);
    if (table == null) {
      throw new AssertionError("table " + name + " was not written; have " + tables.keySet());
    }
    return table;
  }

  @Override
  public void replaceTableFromTsv(String table, List<Column> columns, Path tsv) {
    // as the real warehouses load TSV: typed by column, an empty field is NULL
    List<List<Object>> rows = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
        String[] fields = line.split("\t", -1);
        List<Object> row = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
          row.add(typed(columns.get(c).sqlType(), fields[c]));
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    replaceTable(table, columns, rows);
  }

  private static Object typed(String type, String field) {
    if (field.isEmpty()) {
      return null;
    }
    return switch (type) {
      case "BIGINT" -> Long.parseLong(field);
      case "DOUBLE" -> Double.parseDouble(field);
      case "VARCHAR" -> field;
      default -> throw new UnsupportedOperationException("TSV column type " + type);
    };
  }

  @Override
  public void replaceTable(String table, List<Column> columns, Iterable<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new AssertionError(
            table + ": row has " + row.size() + " values for " + columns.size() + " columns");
      }
      copy.add(new ArrayList<>(row));
    }
    tables.put(table, new Table(List.copyOf(columns), copy));
    replacements++;
  }

  @Override
  public void replaceTableAs(String table, String select) {
    throw new UnsupportedOperationException("not used by these steps");
  }

  @Override
  public QueryResult query(String sql) {
    throw new UnsupportedOperationException("not used by these steps");
  }

  @Override
  public boolean hasTable(String table) {
    return tables.containsKey(table);
  }

  @Override
  public void close() {}

  @Override
  public Warehouse staged(String key) {
    throw new UnsupportedOperationException("steps write through the runner's staged view");
  }

  @Override
  public List<String> publishStaged(String key) {
    throw new UnsupportedOperationException("the runner publishes, not the steps");
  }

  @Override
  public void dropStaged(String key) {
    throw new UnsupportedOperationException("the runner drops, not the steps");
  }

  @Override
  public List<String> stagedKeys() {
    return List.of();
  }
}
