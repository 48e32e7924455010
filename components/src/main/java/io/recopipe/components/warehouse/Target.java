package io.recopipe.components.warehouse;

/**
 * Where a DuckDB replace lands: the rows behind a published table or a run's staged table, both in
 * the {@value StagedTables#SCHEMA} schema (a rename there is how a table is swapped in without
 * copying it), so one load routine serves both.
 *
 * @param table the table's logical name (what steps, messages and users call it)
 * @param name the name of its rows' table inside {@value StagedTables#SCHEMA}
 * @param published whether {@code table} is the published table users query
 */
record Target(String table, String name, boolean published) {
  /** The published table {@code table} users query. */
  static Target published(String table) throws WarehouseException {
    String name = Identifiers.requireIdentifier(table, "table");
    return new Target(name, StagedTables.publishedName(name), true);
  }

  /** Run {@code key}'s staged copy of {@code table}. */
  static Target staged(String key, String table) throws WarehouseException {
    String name = Identifiers.requireIdentifier(table, "table");
    return new Target(name, StagedTables.stagedName(key, name), false);
  }

  /** {@code staging."name"}. */
  String qualified() {
    return StagedTables.SCHEMA + "." + DuckDbWarehouse.quote(name);
  }

  /** The bare name of a temporary table a load fills before it is swapped in. */
  String loadingName(String random) {
    return StagedTables.LOAD_PREFIX + random + StagedTables.SEPARATOR + name;
  }
}
