package io.recopipe.pipeline.runner;

import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.components.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory warehouse that only remembers table names, for runner tests. */
final class FakeWarehouse implements Warehouse {
  final Map<String, List<List<Object>>> tables = new ConcurrentHashMap<>();
  volatile boolean closed;

  @Override
  public void replaceTableFromTsv(String table, List<Column> columns, Path tsv) {
    tables.put(table, List.of());
  }

  @Override
  public void replaceTable(String table, List<Column> columns, Iterable<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>();
    rows.forEach(copy::add);
    tables.put(table, copy);
  }

  @Override
  public void replaceTableAs(String table, String select) {
    tables.put(table, List.of());
  }

  @Override
  public QueryResult query(String sql) {
    return new QueryResult(List.of(), List.of());
  }

  @Override
  public boolean hasTable(String table) {
    return tables.containsKey(table);
  }

  @Override
  public void close() {
    closed = true;
  }
}
