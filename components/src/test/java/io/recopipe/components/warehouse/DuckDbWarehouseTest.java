package io.recopipe.components.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB warehouse on real files: atomic replaces, queries, name validation, bulk loads. */
class DuckDbWarehouseTest {
  private static final List<Column> RATINGS =
      List.of(
          new Column("user_id", "VARCHAR"),
          new Column("item_id", "VARCHAR"),
          new Column("rating", "DOUBLE"),
          new Column("timestamp", "BIGINT"));

  @Test
  void loadsTsvWithDeclaredTypesAndQuotesVerbatim(@TempDir Path tmp) throws Exception {
    Path tsv =
        Files.writeString(
            tmp.resolve("r.tsv"),
            "1\t007\t4.5\t100\n1\t\"Quoted\" Film, The\t3\t200\n2\t5\t1\t300\n");
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      assertFalse(warehouse.hasTable("ratings"));
      warehouse.replaceTableFromTsv("ratings", RATINGS, tsv);
      assertTrue(warehouse.hasTable("ratings"));
      QueryResult result =
          warehouse.query(
              "SELECT user_id, item_id, rating, timestamp FROM ratings ORDER BY timestamp");
      assertEquals(List.of("user_id", "item_id", "rating", "timestamp"), result.columns());
      assertEquals(List.of("1", "007", 4.5, 100L), result.rows().get(0));
      assertEquals("\"Quoted\" Film, The", result.rows().get(1).get(1));
      assertEquals(
          List.of(List.of(List.of("007", "\"Quoted\" Film, The"))),
          warehouse
              .query(
                  "SELECT ARRAY_AGG(item_id ORDER BY rating DESC)[1:5] FROM ratings WHERE user_id = '1'")
              .rows());
    }
  }

  @Test
  void failedReplaceLeavesTheOldTableAndNoStaging(@TempDir Path tmp) throws Exception {
    Path good = Files.writeString(tmp.resolve("good.tsv"), "1\t2\t3\t4\n");
    Path bad = Files.writeString(tmp.resolve("bad.tsv"), "1\t2\t3\t4\n5\t6\tgood\t7\n");
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      warehouse.replaceTableFromTsv("ratings", RATINGS, good);
      WarehouseException e =
          assertThrows(
              WarehouseException.class,
              () -> warehouse.replaceTableFromTsv("ratings", RATINGS, bad));
      assertTrue(e.getMessage().startsWith("table ratings from " + bad + ": "), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertEquals(List.of(List.of(1L)), warehouse.query("SELECT COUNT(*) FROM ratings").rows());
      assertThrows(
          WarehouseException.class,
          () -> warehouse.replaceTableAs("ratings", "SELECT * FROM no_such_table"));
      assertThrows(
          WarehouseException.class,
          () ->
              warehouse.replaceTable(
                  "ratings",
                  RATINGS,
                  List.of(List.of("1", "2", 3.0, 4L), List.of("1", "2", "x", 4L))));
      assertEquals(List.of(List.of(1L)), warehouse.query("SELECT COUNT(*) FROM ratings").rows());
      assertEquals(
          List.of(List.of("main", "ratings"), List.of("staging", "published__ratings")),
          warehouse
              .query(
                  "SELECT table_schema, table_name FROM information_schema.tables"
                      + " ORDER BY 1, 2")
              .rows(),
          "no half-loaded table is left");
    }
  }

  @Test
  void replacesFromRowsAndSelects(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("w.duckdb");
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(file)) {
      warehouse.replaceTable(
          "ratings", RATINGS, List.of(List.of("1", "2", 3, 4L), List.of("1", "3", 5.0f, 6)));
      warehouse.replaceTableAs(
          "top", "SELECT user_id, MAX(rating) AS best FROM ratings" + " GROUP BY user_id");
      assertEquals(List.of(List.of("1", 5.0)), warehouse.query("SELECT * FROM top").rows());
      warehouse.replaceTable("ratings", RATINGS, List.of());
      assertEquals(List.of(List.of(0L)), warehouse.query("SELECT COUNT(*) FROM ratings").rows());
    }
    try (DuckDbWarehouse reopened = DuckDbWarehouse.open(file)) {
      assertTrue(reopened.hasTable("top"));
    }
  }

  @Test
  void refusesUnsafeNamesAndTypesAndNamesBadQueries(@TempDir Path tmp) throws Exception {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      assertThrows(
          WarehouseException.class, () -> warehouse.replaceTableAs("x; DROP TABLE y", "SELECT 1"));
      assertThrows(WarehouseException.class, () -> warehouse.hasTable("1abc"));
      assertThrows(
          WarehouseException.class,
          () -> warehouse.replaceTable("t", List.of(new Column("a b", "VARCHAR")), List.of()));
      assertThrows(
          WarehouseException.class,
          () ->
              warehouse.replaceTable(
                  "t", List.of(new Column("a", "VARCHAR); DROP TABLE t; --")), List.of()));
      WarehouseException e =
          assertThrows(
              WarehouseException.class, () -> warehouse.query("SELECT * FROM missing_table"));
      assertTrue(e.getMessage().startsWith("query SELECT * FROM missing_table: "), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
      assertEquals(List.of(List.of(2)), warehouse.query("SELECT 1 + 1").rows());
    }
  }

  @Test
  void appendsAMillionRows(@TempDir Path tmp) throws IOException, Exception {
    int size = 1_000_000;
    List<List<Object>> rows =
        new AbstractList<>() {
          @Override
          public List<Object> get(int n) {
            return List.of(
                Integer.toString(n % 6040), Integer.toString(n % 3706), (double) (n % 5), (long) n);
          }

          @Override
          public int size() {
            return size;
          }
        };
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      long start = System.nanoTime();
      warehouse.replaceTable("ratings", RATINGS, rows);
      System.out.printf("replaceTable 1M rows: %d ms%n", (System.nanoTime() - start) / 1_000_000);
      assertEquals(
          List.of(List.of((long) size, 2.0)),
          warehouse.query("SELECT COUNT(*), AVG(rating) FROM ratings").rows());
    }
  }

  @Test
  void appendsListColumnsNativelyWithExactValuesAndNulls(@TempDir Path tmp) throws Exception {
    List<Column> columns =
        List.of(
            new Column("name", "VARCHAR"),
            new Column("weights", "DOUBLE[]"),
            new Column("counts", "BIGINT[]"),
            new Column("tags", "VARCHAR[]"));
    double tenth = (double) 0.1f;
    List<List<Object>> rows =
        List.of(
            Arrays.asList(
                "a", List.of(tenth, -1e-300, 2.5f), List.of(1, 2L), List.of("it's", "[x]")),
            Arrays.asList("b", Arrays.asList(1.0, null), null, List.of()));
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      warehouse.replaceTable("lists", columns, rows);
      assertEquals(
          List.of(
              List.of("a", List.of(tenth, -1e-300, 2.5), List.of(1L, 2L), List.of("it's", "[x]")),
              Arrays.asList("b", Arrays.asList(1.0, null), null, List.of())),
          warehouse.query("SELECT * FROM lists ORDER BY name").rows());
      assertEquals(
          List.of(List.of("DOUBLE[]", "BIGINT[]", "VARCHAR[]")),
          warehouse
              .query("SELECT typeof(weights), typeof(counts), typeof(tags) FROM lists LIMIT 1")
              .rows());
    }
  }

  @Test
  void appendsPrimitiveDoubleListsExactlyAndInOrder(@TempDir Path tmp) throws Exception {
    float[] factors = {0.1f, -3.25e-7f, Float.MAX_VALUE, 0f, 7f, -0.5f};
    List<Column> columns = List.of(new Column("id", "VARCHAR"), new Column("factors", "DOUBLE[]"));
    List<List<Object>> rows =
        List.of(
            Arrays.asList("first", DoubleList.widened(factors, 0, 3)),
            Arrays.asList("second", DoubleList.widened(factors, 3, 3)),
            Arrays.asList("none", null),
            Arrays.asList("empty", DoubleList.widened(factors, 0, 0)));
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      warehouse.replaceTable("factors", columns, rows);
      assertEquals(
          List.of(
              List.of(
                  "first", List.of((double) 0.1f, (double) -3.25e-7f, (double) Float.MAX_VALUE)),
              List.of("second", List.of(0.0, 7.0, -0.5)),
              Arrays.asList("none", null),
              List.of("empty", List.of())),
          warehouse.query("SELECT * FROM factors").rows());
    }
    assertEquals(
        List.of(0.1f, -3.25e-7f).stream().map(f -> (double) f).toList(),
        DoubleList.widened(factors, 0, 2));
  }

  @Test
  void capsDuckDbsBufferPoolSoTheJvmAndDuckDbShareTheMachine(@TempDir Path tmp) throws Exception {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      Object limit = warehouse.query("SELECT current_setting('memory_limit')").rows().get(0).get(0);
      String[] parts = limit.toString().split(" ");
      assertEquals("MiB", parts[1], limit.toString());
      assertTrue(Double.parseDouble(parts[0]) <= 512, limit.toString());
    }
  }
}
