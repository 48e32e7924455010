package io.recopipe.pipeline.runner;

import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.components.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory warehouse that remembers tables' rows (list-typed and TSV tables stay empty), with
 * run-scoped staging like the real ones, for runner tests.
 */
final class FakeWarehouse implements Warehouse {
  final Map<String, List<List<Object>>> tables = new ConcurrentHashMap<>();
  final Map<String, FakeWarehouse> staged = new ConcurrentHashMap<>();
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

  @Override
  public Warehouse staged(String key) {
    return staged.computeIfAbsent(key, k -> new FakeWarehouse());
  }

  @Override
  public List<String> publishStaged(String key) {
    FakeWarehouse run = staged.remove(key);
    if (run == null) {
      return List.of();
    }
    tables.putAll(run.tables);
    return run.tables.keySet().stream().sorted().toList();
  }

  @Override
  public void dropStaged(String key) {
    staged.remove(key);
  }

  @Override
  public List<String> stagedKeys() {
    return staged.keySet().stream().sorted().toList();
  }
}
