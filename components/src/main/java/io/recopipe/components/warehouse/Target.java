package io.recopipe.components.warehouse;

/**
 * Where a DuckDB replace lands: a published table in {@code main} or a run's staged table in the
 * {@value StagedTables#SCHEMA} schema, so one load routine serves both.
 *
 * @param schema the DuckDB schema
 * @param table  the table's logical name (what steps and messages call it)
 * @param name   the table's name inside {@code schema}
 */
record Target(String schema, String table, String name) {
  /** The published table {@code table} users query. */
  static Target published(String table) throws WarehouseException {
    String name = Identifiers.requireIdentifier(table, "table");
    return new Target("main", name, name);
  }

  /** Run {@code key}'s staged copy of {@code table}. */
  static Target staged(String key, String table) throws WarehouseException {
    String name = Identifiers.requireIdentifier(table, "table");
    return new Target(StagedTables.SCHEMA, name, StagedTables.stagedName(key, name));
  }

  /** {@code schema."name"}. */
  String qualified() {
    return schema + "." + DuckDbWarehouse.quote(name);
  }

  /** The qualified name of a temporary table a load fills before it is swapped in. */
  String loadingName(String random) {
    String loading = schema.equals("main") ? name + "__staging_" + random
        : StagedTables.LOAD_PREFIX + random + StagedTables.SEPARATOR + name;
    return schema + "." + DuckDbWarehouse.quote(loading);
  }
}
