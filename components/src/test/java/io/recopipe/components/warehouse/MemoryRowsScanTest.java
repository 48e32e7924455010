package io.recopipe.components.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows loaded from memory, whole columns of a chunk at a time, give the tables that loading their
 * file gives: the same values, NULLs and order across chunk boundaries and a last chunk that ends
 * inside a validity word.
 */
class MemoryRowsScanTest {
  private static final List<Column> COLUMNS =
      List.of(
          new Column("user_id", "VARCHAR"),
          new Column("item_id", "VARCHAR"),
          new Column("rating", "DOUBLE"),
          new Column("timestamp", "BIGINT"));

  /** More than two of DuckDB's 2,048-row chunks, the last one not a multiple of 64 rows. */
  private static final int ROWS = 2 * 2048 + 100;

  @Test
  void theDriverAllowsWholeColumnWrites() {
    assertTrue(VectorWrites.bulk(), "the fast path is off: the driver's vector fields changed");
  }

  @Test
  void memoryRowsLoadAsTheirFile(@TempDir Path tmp) throws Exception {
    Rows rows = new Rows();
    StringBuilder all = new StringBuilder();
    StringBuilder eval = new StringBuilder();
    StringBuilder train = new StringBuilder();
    boolean[] isEval = new boolean[ROWS];
    for (int n = 0; n < ROWS; n++) {
      isEval[n] = n % 7 == 3;
      String line =
          n / 3
              + "\t"
              + (rows.item[n] == null ? "" : new String(rows.item[n], StandardCharsets.UTF_8))
              + "\t"
              + (n % 10 == 0 ? "0.5" : Integer.toString(n % 5 + 1))
              + "\t"
              + (1_000_000_000L + 17L * n)
              + "\n";
      all.append(line);
      (isEval[n] ? eval : train).append(line);
    }
    RowSplit split =
        new RowSplit(
            "eval",
            Files.writeString(tmp.resolve("eval.tsv"), eval),
            "train",
            Files.writeString(tmp.resolve("train.tsv"), train),
            isEval);
    Path file = Files.writeString(tmp.resolve("all.tsv"), all);
    try (DuckDbWarehouse fromMemory = DuckDbWarehouse.open(tmp.resolve("m.duckdb"));
        DuckDbWarehouse fromFile = DuckDbWarehouse.open(tmp.resolve("f.duckdb"))) {
      fromMemory.replaceTableWithSplit("ratings", COLUMNS, Set.of("user_id"), rows, file, split);
      fromFile.replaceTableWithSplitFromTsv("ratings", COLUMNS, Set.of("user_id"), file, split);
      for (String table : List.of("ratings", "train", "eval")) {
        String select = "SELECT * FROM " + table;
        assertEquals(fromFile.query(select).rows(), fromMemory.query(select).rows(), table);
      }
      assertEquals(
          List.of(List.of((long) ROWS, 1L)),
          fromMemory
              .query("SELECT COUNT(*), COUNT(*) FILTER (WHERE item_id IS NULL) FROM ratings")
              .rows());
    }
  }

  /** The rows: integer users, text items (one NULL), whole and half ratings, timestamps. */
  private static final class Rows implements ColumnRows {
    final byte[][] item = new byte[ROWS][];

    Rows() {
      for (int n = 0; n < ROWS; n++) {
        item[n] = n == 2049 ? null : ("i" + n % 97).getBytes(StandardCharsets.UTF_8);
      }
    }

    @Override
    public int size() {
      return ROWS;
    }

    @Override
    public long longValue(int column, int row) {
      return column == 0 ? row / 3 : 1_000_000_000L + 17L * row;
    }

    @Override
    public double doubleValue(int column, int row) {
      return row % 10 == 0 ? 0.5 : row % 5 + 1;
    }

    @Override
    public byte[] text(int column, int row) {
      return item[row];
    }
  }
}
