package io.recopipe.components.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's staged tables on a real DuckDB file: invisible to {@code SHOW TABLES} and to queries
 * until published, published together (list columns and all), dropped without a trace.
 */
class DuckDbStagingTest {
  private static final List<Column> RATINGS = List.of(new Column("user_id", "VARCHAR"),
      new Column("item_id", "VARCHAR"), new Column("rating", "DOUBLE"),
      new Column("timestamp", "BIGINT"));
  private static final List<Column> TOP = List.of(new Column("user_id", "VARCHAR"),
      new Column("items", "VARCHAR[]"));

  @Test
  void stagedTablesAreInvisibleUntilPublishedTogether(@TempDir Path tmp) throws Exception {
    Path old = Files.writeString(tmp.resolve("old.tsv"), "1\t2\t3\t4\n");
    Path fresh = Files.writeString(tmp.resolve("new.tsv"), "5\t6\t4\t7\n8\t9\t5\t10\n");
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      warehouse.replaceTableFromTsv("ratings", RATINGS, old);
      Warehouse run = warehouse.staged("r1");
      run.replaceTableFromTsv("ratings", RATINGS, fresh);
      run.replaceTable("top", TOP, List.of(List.of("5", List.of("6", "9"))));
      run.replaceTableAs("counts", "SELECT 42 AS n");

      assertEquals(List.of(List.of("ratings")), warehouse.query("SHOW TABLES").rows());
      assertEquals(List.of(List.of(1L)), run.query("SELECT COUNT(*) FROM ratings").rows());
      assertFalse(run.hasTable("top"));
      assertEquals(List.of("r1"), warehouse.stagedKeys());

      assertEquals(List.of("counts", "ratings", "top"), warehouse.publishStaged("r1"));
      assertEquals(List.of(List.of(2L)), warehouse.query("SELECT COUNT(*) FROM ratings").rows());
      assertEquals(List.of(List.of("5", List.of("6", "9"))),
          warehouse.query("SELECT user_id, items FROM top").rows());
      assertEquals(List.of(List.of(42)), warehouse.query("SELECT n FROM counts").rows());
      assertEquals(List.of(), warehouse.stagedKeys());
      assertEquals(List.of(), warehouse.publishStaged("r1"), "publishing twice is a no-op");
    }
  }

  @Test
  void droppedStagingLeavesThePublishedTablesAndOtherRuns(@TempDir Path tmp) throws Exception {
    Path old = Files.writeString(tmp.resolve("old.tsv"), "1\t2\t3\t4\n");
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      warehouse.replaceTableFromTsv("ratings", RATINGS, old);
      warehouse.staged("r1").replaceTableAs("ratings", "SELECT * FROM ratings WHERE false");
      warehouse.staged("r2").replaceTableAs("evaluation", "SELECT 1 AS rmse");
      warehouse.query("CREATE TABLE staging.load_abc__r1__half (x INTEGER)");
      assertEquals(List.of("r1", "r2"), warehouse.stagedKeys());

      warehouse.dropStaged("r1");
      assertEquals(List.of("r2"), warehouse.stagedKeys());
      assertEquals(List.of(List.of(1L)), warehouse.query(
          "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'staging'")
          .rows(), "only r2's table is left, the half-loaded r1 table is gone too");
      assertEquals(List.of(List.of(1L)), warehouse.query("SELECT COUNT(*) FROM ratings").rows());
    }
  }

  @Test
  void stagingKeysAreCheckedAndRunIdsMapToThem() throws Exception {
    assertEquals("r20260101_120000_ab12cd", StagedTables.keyOfRun("20260101-120000-ab12cd"));
    for (String bad : List.of("a__b", "load_x", "x;drop", "")) {
      WarehouseException e = assertThrows(WarehouseException.class,
          () -> StagedTables.requireKey(bad));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }
}
