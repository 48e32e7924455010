package io.recopipe.components.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that stages and publishes tables in a loop, killed with SIGKILL a few milliseconds
 * after it starts publishing a generation (a different delay each time, so kills land before,
 * inside and after the publish's transaction), leaves the published tables of exactly one
 * generation, every row in order, and staged leftovers that dropping removes.
 */
class DuckDbKillTest {
  private static final int KILLS = 5;

  @TempDir Path dir;

  @Test
  void aProcessKilledWhilePublishingLeavesOneWholeGeneration() throws Exception {
    Path file = dir.resolve("w.duckdb");
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(file)) {
      DuckDbPublishLoop.stage(warehouse, 0);
      warehouse.publishStaged(DuckDbPublishLoop.key(0));
    }
    long published = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      long publishing = killWhilePublishing(file, published + 1, 2L * kill);
      try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(file)) {
        long generation = wholeGeneration(warehouse);
        assertTrue(
            generation == publishing || generation == publishing - 1,
            "generation " + generation + " after the child started publishing " + publishing);
        for (String key : warehouse.stagedKeys()) {
          warehouse.dropStaged(key);
        }
        assertEquals(List.of(), warehouse.stagedKeys());
        assertEquals(
            List.of(List.of(0L)),
            warehouse
                .query(
                    "SELECT COUNT(*) FROM"
                        + " information_schema.tables WHERE table_schema = 'staging'"
                        + " AND NOT starts_with(table_name, 'published__')")
                .rows(),
            "nothing staged is left");
        assertEquals(generation, wholeGeneration(warehouse));
        published = generation;
      }
    }
  }

  /**
   * Starts the loop at generation {@code first}, waits until it starts publishing its second
   * generation, kills it {@code delayMs} later; returns the generation it was publishing.
   */
  private static long killWhilePublishing(Path file, long first, long delayMs) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                classpath,
                DuckDbPublishLoop.class.getName(),
                file.toString(),
                Long.toString(first))
            .redirectErrorStream(true)
            .start();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      long publishing = -1;
      StringBuilder output = new StringBuilder();
      while (publishing < first + 1) {
        String line = lines.readLine();
        assertNotNull(line, "the child ended: " + output);
        output.append(line).append('\n');
        if (line.startsWith("publishing ")) {
          publishing = Long.parseLong(line.substring("publishing ".length()).strip());
        }
      }
      Thread.sleep(delayMs);
      return publishing;
    } finally {
      child.destroyForcibly(); // SIGKILL on Linux
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
    }
  }

  /** The one generation every published table holds, with all its rows in order. */
  private static long wholeGeneration(Warehouse warehouse) throws WarehouseException {
    assertEquals(DuckDbPublishLoop.TABLES, warehouse.query("SHOW TABLES").rows().size());
    Long generation = null;
    for (int table = 0; table < DuckDbPublishLoop.TABLES; table++) {
      List<Object> row =
          warehouse
              .query(
                  "SELECT MIN(generation), MAX(generation), COUNT(*),"
                      + " bool_and(n = ordinal - 1) FROM (SELECT *, row_number() OVER () AS ordinal FROM t"
                      + table
                      + ")")
              .rows()
              .get(0);
      assertEquals(row.get(0), row.get(1), "t" + table + " mixes generations");
      assertEquals(
          List.of((long) DuckDbPublishLoop.ROWS, true), row.subList(2, 4), "t" + table + " rows");
      long value = ((Number) row.get(0)).longValue();
      if (generation != null) {
        assertEquals(generation.longValue(), value, "t" + table + " is of another generation");
      }
      generation = value;
    }
    return generation;
  }
}
