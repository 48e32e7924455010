package io.recopipe.components.warehouse;

import java.nio.file.Path;

/**
 * The child process of {@link DuckDbKillTest}: stages and publishes generation after generation of
 * {@value #TABLES} tables (each {@value #ROWS} rows holding the generation number) until it is
 * killed, printing when it starts publishing a generation, so that the test's SIGKILL lands inside
 * the publish.
 */
final class DuckDbPublishLoop {
  static final int TABLES = 24;
  static final int ROWS = 2_000;

  private DuckDbPublishLoop() {}

  /** Arguments: the warehouse file and the first generation to stage. */
  public static void main(String[] args) throws Exception {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(Path.of(args[0]))) {
      for (long generation = Long.parseLong(args[1]); ; generation++) {
        stage(warehouse, generation);
        System.out.println("publishing " + generation);
        System.out.flush();
        warehouse.publishStaged(key(generation));
      }
    }
  }

  /** Stages every table of {@code generation} under its own run key. */
  static void stage(Warehouse warehouse, long generation) throws WarehouseException {
    Warehouse run = warehouse.staged(key(generation));
    for (int table = 0; table < TABLES; table++) {
      run.replaceTableAs(
          "t" + table,
          "SELECT " + generation + " AS generation, range AS n" + " FROM range(" + ROWS + ")");
    }
  }

  static String key(long generation) {
    return "g" + generation;
  }
}
