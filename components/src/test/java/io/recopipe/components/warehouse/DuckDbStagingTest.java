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
 * until published, published together (list columns and all) by renaming rather than copying, all
 * or none, dropped without a trace.
 */
class DuckDbStagingTest {
  private static final List<Column> RATINGS =
      List.of(
          new Column("user_id", "VARCHAR"),
          new Column("item_id", "VARCHAR"),
          new Column("rating", "DOUBLE"),
          new Column("timestamp", "BIGINT"));
  private static final List<Column> TOP =
      List.of(new Column("user_id", "VARCHAR"), new Column("items", "VARCHAR[]"));

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
      assertEquals(
          List.of(List.of("5", List.of("6", "9"))),
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
      warehouse.query("CREATE TABLE staging.load_def__r3__killed_in_its_first_load (x INTEGER)");
      warehouse.query("CREATE TABLE staging.load_0a1__published__direct (x INTEGER)");
      assertEquals(List.of("r1", "r2", "r3"), warehouse.stagedKeys());

      warehouse.dropStaged("r1");
      warehouse.dropStaged("r3");
      warehouse.query("DROP TABLE staging.load_0a1__published__direct");
      assertEquals(List.of("r2"), warehouse.stagedKeys());
      assertEquals(
          List.of(List.of("published__ratings"), List.of("r2__evaluation")),
          warehouse
              .query(
                  "SELECT table_name FROM information_schema.tables"
                      + " WHERE table_schema = 'staging' ORDER BY 1")
              .rows(),
          "the published rows and r2's table are left, the half-loaded r1 table is gone too");
      assertEquals(List.of(List.of(1L)), warehouse.query("SELECT COUNT(*) FROM ratings").rows());
    }
  }

  @Test
  void publishedTablesKeepTheirColumnsTypesAndOrderAndSurviveTheNextRunsStaging(@TempDir Path tmp)
      throws Exception {
    Path fresh =
        Files.writeString(tmp.resolve("new.tsv"), "007\t10\t4.5\t3\n7\t9\t1\t2\n007\t1\t2\t1\n");
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      warehouse.staged("r1").replaceTableFromTsv("ratings", RATINGS, fresh);
      warehouse.publishStaged("r1");
      List<List<Object>> rows =
          List.of(
              List.of("007", "10", 4.5, 3L),
              List.of("7", "9", 1.0, 2L),
              List.of("007", "1", 2.0, 1L));
      assertEquals(rows, warehouse.query("SELECT * FROM ratings").rows(), "file order, '007'");
      assertEquals(
          List.of(
              List.of("user_id", "VARCHAR"),
              List.of("item_id", "VARCHAR"),
              List.of("rating", "DOUBLE"),
              List.of("timestamp", "BIGINT")),
          warehouse.query("SELECT column_name, column_type FROM (DESCRIBE ratings)").rows());
      assertTrue(warehouse.hasTable("ratings"));

      warehouse.staged("r2").replaceTableAs("ratings", "SELECT * FROM ratings WHERE false");
      assertEquals(List.of(List.of("ratings")), warehouse.query("SHOW TABLES").rows());
      assertEquals(rows, warehouse.query("SELECT * FROM ratings").rows(), "r2 only staged");
      warehouse.dropStaged("r2");
      assertEquals(List.of(), warehouse.stagedKeys());
      assertEquals(rows, warehouse.query("SELECT * FROM ratings").rows());
    }
    try (DuckDbWarehouse reopened = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      assertEquals(List.of(List.of(3L)), reopened.query("SELECT COUNT(*) FROM ratings").rows());
    }
  }

  @Test
  void publishingMovesTheStagedTablesInsteadOfCopyingThem(@TempDir Path tmp) throws Exception {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      warehouse.staged("r1").replaceTableAs("counts", "SELECT range AS n FROM range(5)");
      long stagedOid = tableOid(warehouse, "r1__counts");
      warehouse.publishStaged("r1");
      assertEquals(
          List.of(
              List.of("main", "counts", "VIEW"),
              List.of("staging", "published__counts", "BASE TABLE")),
          warehouse
              .query(
                  "SELECT table_schema, table_name, table_type"
                      + " FROM information_schema.tables ORDER BY 1, 2")
              .rows());
      assertEquals(
          stagedOid, tableOid(warehouse, "published__counts"), "the staged table itself, renamed");
    }
  }

  @Test
  void tablesPublishedByEarlierVersionsAreReplaced(@TempDir Path tmp) throws Exception {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      warehouse.query("CREATE TABLE main.ratings AS SELECT 'old' AS user_id");
      warehouse.staged("r1").replaceTableAs("ratings", "SELECT 'new' AS user_id");
      assertEquals(List.of("ratings"), warehouse.publishStaged("r1"));
      assertEquals(List.of(List.of("new")), warehouse.query("SELECT * FROM ratings").rows());
      warehouse.replaceTableAs("ratings", "SELECT 'direct' AS user_id");
      assertEquals(List.of(List.of("direct")), warehouse.query("SELECT * FROM ratings").rows());
      assertEquals(List.of(List.of("ratings")), warehouse.query("SHOW TABLES").rows());
    }
  }

  @Test
  void aPublishThatFailsHalfwayChangesNoTable(@TempDir Path tmp) throws Exception {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      warehouse.replaceTableAs("counts", "SELECT 1 AS n");
      // a table another table references cannot be dropped: the second move fails
      warehouse.query("CREATE TABLE main.top (id INTEGER PRIMARY KEY)");
      warehouse.query("INSERT INTO main.top VALUES (1)");
      warehouse.query("CREATE TABLE main.child (id INTEGER REFERENCES top (id))");
      Warehouse run = warehouse.staged("r1");
      run.replaceTableAs("counts", "SELECT 2 AS n");
      run.replaceTableAs("top", "SELECT 2 AS id");

      WarehouseException e =
          assertThrows(WarehouseException.class, () -> warehouse.publishStaged("r1"));
      assertTrue(e.getMessage().startsWith("publish the staged tables of r1: "), e.getMessage());
      assertEquals(List.of(List.of(1)), warehouse.query("SELECT n FROM counts").rows());
      assertEquals(List.of(List.of(1)), warehouse.query("SELECT id FROM top").rows());
      assertEquals(List.of("r1"), warehouse.stagedKeys(), "still staged, to drop or retry");
    }
  }

  @Test
  void stagingKeysAreCheckedAndRunIdsMapToThem() throws Exception {
    assertEquals("r20260101_120000_ab12cd", StagedTables.keyOfRun("20260101-120000-ab12cd"));
    for (String bad : List.of("a__b", "load_x", "x;drop", "")) {
      WarehouseException e =
          assertThrows(WarehouseException.class, () -> StagedTables.requireKey(bad));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  private static long tableOid(Warehouse warehouse, String name) throws WarehouseException {
    List<List<Object>> rows =
        warehouse
            .query(
                "SELECT table_oid FROM duckdb_tables()"
                    + " WHERE schema_name = 'staging' AND table_name = '"
                    + name
                    + "'")
            .rows();
    assertEquals(1, rows.size(), name);
    return ((Number) rows.get(0).get(0)).longValue();
  }
}
