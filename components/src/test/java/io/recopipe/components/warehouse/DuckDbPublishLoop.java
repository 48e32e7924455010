package io.recopipe.components.warehouse;

import java.nio.file.Path;

/**
 * The child process of {@link DuckDbKillTest}: stages and publishes generation after generation
 * of {@value #TABLES} tables (each {@value #ROWS} rows holding the generation number) until it is
 * killed, printing each generation it published, so that a SIGKILL lands while a run stages or
 * while it publishes.
 */
final class DuckDbPublishLoop {
  static final int TABLES = 12;
  static final int ROWS = 2_000;

  private DuckDbPublishLoop() {
  }

  /** Arguments: the warehouse file and the first generation to stage. */
  public static void main(String[] args) throws Exception {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(Path.of(args[0]))) {
      for (long generation = Long.parseLong(args[1]); ; generation++) {
        stageAndPublish(warehouse, generation);
        System.out.println("published " + generation);
        System.out.flush();
      }
    }
  }

  /** Stages every table of {@code generation} under its own run key, then publishes them. */
  static void stageAndPublish(Warehouse warehouse, long generation) throws WarehouseException {
    String key = "g" + generation;
    Warehouse run = warehouse.staged(key);
    for (int table = 0; table < TABLES; table++) {
      run.replaceTableAs("t" + table, "SELECT " + generation + " AS generation, range AS n"
          + " FROM range(" + ROWS + ")");
    }
    warehouse.publishStaged(key);
  }
}
