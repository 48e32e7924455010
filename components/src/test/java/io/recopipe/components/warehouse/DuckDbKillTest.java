package io.recopipe.components.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that stages and publishes tables in a loop, killed with SIGKILL at moments spread
 * over its loop (so some kills land inside a publish), leaves the published tables of exactly
 * one generation, all rows in order, and staged leftovers that dropping removes.
 */
class DuckDbKillTest {
  private static final int KILLS = 6;

  @TempDir
  Path dir;

  @Test
  void aProcessKilledWhileStagingOrPublishingLeavesOneWholeGeneration() throws Exception {
    Path file = dir.resolve("w.duckdb");
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(file)) {
      DuckDbPublishLoop.stageAndPublish(warehouse, 0);
    }
    long published = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Path output = dir.resolve("child-" + kill + ".log");
      Process child = startLoop(file, published + 1, output);
      try {
        awaitPublished(child, output);
        Thread.sleep(7L * kill); // land at a different point of the loop each time
      } finally {
        child.destroyForcibly(); // SIGKILL on Linux
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
      }
      long reported = lastPublished(output);
      try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(file)) {
        long generation = wholeGeneration(warehouse);
        assertTrue(generation == reported || generation == reported + 1,
            "generation " + generation + " after the child reported " + reported);
        for (String key : warehouse.stagedKeys()) {
          warehouse.dropStaged(key);
        }
        assertEquals(List.of(), warehouse.stagedKeys());
        assertEquals(List.of(List.of(0L)), warehouse.query("SELECT COUNT(*) FROM"
            + " information_schema.tables WHERE starts_with(table_name, 'load_')"
            + " OR starts_with(table_name, 'g')").rows(), "nothing staged is left");
        assertEquals(generation, wholeGeneration(warehouse));
        published = generation;
      }
    }
  }

  /** The one generation every published table holds, with all its rows in order. */
  private static long wholeGeneration(Warehouse warehouse) throws WarehouseException {
    assertEquals(DuckDbPublishLoop.TABLES, warehouse.query("SHOW TABLES").rows().size());
    Long generation = null;
    for (int table = 0; table < DuckDbPublishLoop.TABLES; table++) {
      List<List<Object>> rows = warehouse.query("SELECT MIN(generation), MAX(generation),"
          + " COUNT(*), bool_and(n = rowid) FROM staging.published__t" + table).rows();
      List<Object> row = rows.get(0);
      assertEquals(row.get(0), row.get(1), "t" + table + " mixes generations");
      assertEquals(List.of((long) DuckDbPublishLoop.ROWS, true), row.subList(2, 4),
          "t" + table + " rows");
      List<List<Object>> viewed = warehouse.query("SELECT MIN(generation), COUNT(*) FROM t"
          + table).rows();
      assertEquals(List.of(row.get(0), (long) DuckDbPublishLoop.ROWS), viewed.get(0));
      long value = ((Number) row.get(0)).longValue();
      if (generation != null) {
        assertEquals(generation.longValue(), value, "t" + table + " is of another generation");
      }
      generation = value;
    }
    return generation;
  }

  private static Process startLoop(Path file, long first, Path output) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    return new ProcessBuilder(java, "-cp", classpath, DuckDbPublishLoop.class.getName(),
        file.toString(), Long.toString(first)).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
  }

  /** Waits until the child published a generation (it is then past opening the file). */
  private static void awaitPublished(Process child, Path output) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(output).contains("published ")) {
      assertTrue(child.isAlive(), "the child ended: " + Files.readString(output));
      assertTrue(System.nanoTime() < deadline, "the child published nothing in 60 s");
      Thread.sleep(20);
    }
  }

  private static long lastPublished(Path output) throws Exception {
    long last = -1;
    for (String line : Files.readAllLines(output)) {
      if (line.startsWith("published ")) {
        last = Long.parseLong(line.substring("published ".length()).strip());
      }
    }
    return last;
  }
}
