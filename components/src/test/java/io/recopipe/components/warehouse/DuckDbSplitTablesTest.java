package io.recopipe.components.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table loaded with a split publishes the split's tables as views over its rows: the same
 * columns, types, rows and row order as loading the three files, integer ids published as the same
 * text, staged and swapped in with the run's other tables, and replaced cleanly by a plain load
 * (and the other way round).
 */
class DuckDbSplitTablesTest {
  private static final List<Column> RATINGS =
      List.of(
          new Column("user_id", "VARCHAR"),
          new Column("item_id", "VARCHAR"),
          new Column("rating", "DOUBLE"),
          new Column("timestamp", "BIGINT"));
  private static final String ALL =
      "1\t10\t4.5\t100\n1\t12\t3\t101\n-2\t10\t1\t102\n" + "30\t7\t5\t103\n";
  private static final boolean[] IS_EVAL = {false, true, false, true};

  @Test
  void splitTablesAreViewsWithTheFilesRowsInOrder(@TempDir Path tmp) throws Exception {
    RowSplit split = split(tmp);
    for (Set<String> integerIds : List.of(Set.<String>of(), Set.of("user_id", "item_id"))) {
      try (DuckDbWarehouse warehouse =
          DuckDbWarehouse.open(tmp.resolve(integerIds.size() + ".duckdb"))) {
        warehouse.replaceTableWithSplitFromTsv(
            "ratings", RATINGS, integerIds, tmp.resolve("all.tsv"), split);
        assertSameAsFiles(warehouse, tmp);
      }
    }
  }

  @Test
  void stagedSplitIsPublishedWithTheRunAndReplacesPlainTables(@TempDir Path tmp) throws Exception {
    RowSplit split = split(tmp);
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      Path old = Files.writeString(tmp.resolve("old.tsv"), "9\t9\t1\t1\n");
      for (String table : List.of("ratings", "train", "eval")) {
        warehouse.replaceTableFromTsv(table, RATINGS, old);
      }
      warehouse
          .staged("r1")
          .replaceTableWithSplitFromTsv(
              "ratings", RATINGS, Set.of("user_id"), tmp.resolve("all.tsv"), split);
      assertEquals(List.of(List.of(1L)), warehouse.query("SELECT COUNT(*) FROM eval").rows());
      assertEquals(List.of("eval", "ratings", "train"), warehouse.publishStaged("r1"));
      assertSameAsFiles(warehouse, tmp);
      assertEquals(
          List.of(List.of("published__ratings")),
          warehouse
              .query("SELECT table_name" + " FROM duckdb_tables() WHERE schema_name = 'staging'")
              .rows(),
          "no stale rows");

      for (String table : List.of("ratings", "train", "eval")) {
        warehouse.replaceTableFromTsv(table, RATINGS, old);
      }
      for (String table : List.of("ratings", "train", "eval")) {
        assertEquals(
            List.of(List.of("9", "9", 1.0, 1L)),
            warehouse.query("SELECT * FROM " + table).rows(),
            table);
      }
    }
  }

  @Test
  void flagsMustCoverEveryRow(@TempDir Path tmp) throws Exception {
    RowSplit split = split(tmp);
    RowSplit short1 =
        new RowSplit("eval", split.selectedTsv(), "train", split.otherTsv(), new boolean[] {true});
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      WarehouseException failure =
          assertThrows(
              WarehouseException.class,
              () ->
                  warehouse.replaceTableWithSplitFromTsv(
                      "ratings", RATINGS, Set.of(), tmp.resolve("all.tsv"), short1));
      assertEquals(
          true,
          failure.getMessage().contains("4 rows but the split flags 1"),
          failure.getMessage());
      assertEquals(List.of(), warehouse.query("SHOW TABLES").rows());
    }
  }

  private static RowSplit split(Path tmp) throws Exception {
    Files.writeString(tmp.resolve("all.tsv"), ALL);
    StringBuilder eval = new StringBuilder();
    StringBuilder train = new StringBuilder();
    String[] lines = ALL.split("\n");
    for (int n = 0; n < lines.length; n++) {
      (IS_EVAL[n] ? eval : train).append(lines[n]).append('\n');
    }
    return new RowSplit(
        "eval",
        Files.writeString(tmp.resolve("eval.tsv"), eval),
        "train",
        Files.writeString(tmp.resolve("train.tsv"), train),
        IS_EVAL);
  }

  /** Each table equals its file loaded on its own, in order, with the declared types. */
  private static void assertSameAsFiles(Warehouse warehouse, Path tmp) throws Exception {
    for (String[] table :
        new String[][] {{"ratings", "all"}, {"train", "train"}, {"eval", "eval"}}) {
      assertEquals(
          List.of(
              List.of("user_id", "VARCHAR"),
              List.of("item_id", "VARCHAR"),
              List.of("rating", "DOUBLE"),
              List.of("timestamp", "BIGINT")),
          warehouse
              .query(
                  "SELECT column_name, data_type FROM information_schema.columns"
                      + " WHERE table_schema = 'main' AND table_name = '"
                      + table[0]
                      + "'"
                      + " ORDER BY ordinal_position")
              .rows(),
          table[0]);
      assertEquals(
          warehouse
              .query(
                  "SELECT * FROM " + Identifiers.readTsv(RATINGS, tmp.resolve(table[1] + ".tsv")))
              .rows(),
          warehouse.query("SELECT * FROM " + table[0]).rows(),
          table[0]);
    }
  }
}
