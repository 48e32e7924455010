package io.recopipe.pipeline.runner;

import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.MetadataStore;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a user can see of a home's results, read from the real files: every published warehouse
 * table with all its rows, the registry tables (versions, aliases, alias history) and the audit
 * log, plus the run keys that still have staged tables.
 *
 * @param tables published table name → its rows, sorted
 * @param registry metadata table name → its rows in insertion order
 * @param counts metadata table name → its number of rows
 * @param staged run keys with staged tables
 */
record HomeSnapshot(
    Map<String, String> tables,
    Map<String, String> registry,
    Map<String, Long> counts,
    List<String> staged) {
  private static final List<String> REGISTRY =
      List.of("model_versions", "aliases", "alias_history", "audit_log");

  /** Reads {@code home}; no run may hold its warehouse open. */
  static HomeSnapshot of(RecopipeHome home) throws Exception {
    Map<String, String> tables = new TreeMap<>();
    List<String> staged;
    try (Warehouse warehouse = DuckDbWarehouse.open(home.warehouseDb())) {
      QueryResult names =
          warehouse.query(
              "SELECT table_name FROM information_schema.tables"
                  + " WHERE table_schema = 'main' ORDER BY table_name");
      for (List<Object> row : names.rows()) {
        String table = (String) row.get(0);
        tables.put(
            table, warehouse.query("SELECT * FROM " + table + " ORDER BY ALL").rows().toString());
      }
      staged = warehouse.stagedKeys();
    }
    Map<String, String> registry = new TreeMap<>();
    Map<String, Long> counts = new TreeMap<>();
    try (MetadataStore store = MetadataStore.open(home.metadataDb())) {
      for (String table : REGISTRY) {
        registry.put(
            table,
            store.read(
                c -> {
                  StringBuilder rows = new StringBuilder();
                  try (Statement statement = c.createStatement();
                      ResultSet rs =
                          statement.executeQuery("SELECT * FROM " + table + " ORDER BY rowid")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                      counts.merge(table, 1L, Long::sum);
                      for (int column = 1; column <= meta.getColumnCount(); column++) {
                        rows.append(rs.getString(column)).append('|');
                      }
                      rows.append('\n');
                    }
                  }
                  return rows.toString();
                }));
        counts.putIfAbsent(table, 0L);
      }
    }
    return new HomeSnapshot(tables, registry, counts, staged);
  }

  /** The number of rows of metadata table {@code table}. */
  long rows(String table) {
    return counts.get(table);
  }

  /** The names of the tables (published or metadata) whose contents differ from {@code other}. */
  List<String> differences(HomeSnapshot other) {
    java.util.Set<String> names = new java.util.TreeSet<>(tables.keySet());
    names.addAll(other.tables.keySet());
    List<String> out = new java.util.ArrayList<>();
    for (String name : names) {
      if (!java.util.Objects.equals(tables.get(name), other.tables.get(name))) {
        out.add("table " + name);
      }
    }
    registry.forEach(
        (name, rows) -> {
          if (!rows.equals(other.registry.get(name))) {
            out.add(name + " (" + counts.get(name) + " -> " + other.counts.get(name) + " rows)");
          }
        });
    if (!staged.equals(other.staged)) {
      out.add("staged " + staged + " -> " + other.staged);
    }
    return out;
  }
}
