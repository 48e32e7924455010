package io.recopipe.components.ingest;

import static io.recopipe.components.ingest.IngestFixtures.ingest;
import static io.recopipe.components.ingest.IngestFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet files written by DuckDB with each id, rating and timestamp type a user's export may have,
 * read with columns detected by name as for delimited files.
 */
class IngestParquetTypesTest {
  private static final String ROWS =
      "3\tx\t5\t1000000002\n7\tx\t4.5\t1000000000\n" + "7\ty\t2\t1000000001\n";

  private static Path parquet(Path file, String select) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("COPY (" + select + ") TO '" + file + "' (FORMAT PARQUET)");
    }
    return file;
  }

  /** Three ratings with user, item, rating and time expressions cast as given. */
  private static String select(String user, String item, String rating, String time, String names) {
    return "SELECT "
        + user.replace("?", "u")
        + ", "
        + item.replace("?", "i")
        + ", "
        + rating.replace("?", "r")
        + ", "
        + time.replace("?", "t")
        + " FROM (VALUES"
        + " (7, 'x', 4.5, 1000000000), (7, 'y', 2.0, 1000000001), (3, 'x', 5.0, 1000000002))"
        + " v(u, i, r, t)) t("
        + names;
  }

  @Test
  void everyIdRatingAndTimestampType(@TempDir Path tmp) throws Exception {
    List<String[]> cases =
        List.of(
            new String[] {
              "CAST(? AS INTEGER)",
              "CAST(? AS VARCHAR)",
              "CAST(? AS FLOAT)",
              "to_timestamp(?)::TIMESTAMP"
            },
            new String[] {
              "CAST(? AS BIGINT)", "CAST(? AS VARCHAR)", "CAST(? AS DOUBLE)", "CAST(? AS BIGINT)"
            },
            new String[] {
              "CAST(? AS VARCHAR)",
              "CAST(? AS VARCHAR)",
              "CAST(? AS DECIMAL(3,1))",
              "CAST(? AS BIGINT) * 1000"
            },
            new String[] {
              "CAST(? AS INTEGER)",
              "CAST(? AS VARCHAR)",
              "CAST(? AS DOUBLE)",
              "strftime(to_timestamp(?), '%Y-%m-%dT%H:%M:%SZ')"
            },
            new String[] {
              "CAST(? AS BIGINT)", "CAST(? AS VARCHAR)", "CAST(? AS FLOAT)", "to_timestamp(?)"
            });
    int n = 0;
    for (String[] types : cases) {
      Path dir = tmp.resolve("case" + n++);
      Files.createDirectories(dir);
      Path file =
          parquet(
              dir.resolve("ratings.parquet"),
              "SELECT * FROM ("
                  + select(
                      types[0],
                      types[1],
                      types[2],
                      types[3],
                      "userId, movieId, rating, timestamp)"));
      TestStepContext context = ingest(dir, Map.of("source", file.toString()));
      assertEquals(ROWS, read(context, DatasetLayout.RATINGS), String.join(" ", types));
      assertTrue(
          context.progress.contains(
              "ingest: columns detected in "
                  + file
                  + ":"
                  + " user_id=userId, item_id=movieId, rating=rating, timestamp=timestamp (override with"
                  + " --set ingest.user_col=…)"),
          context.progress.toString());
    }
  }

  @Test
  void parquetWithoutExtensionIsKnownByItsBytes(@TempDir Path tmp) throws Exception {
    Path file =
        parquet(
            tmp.resolve("export"),
            "SELECT * FROM ("
                + select(
                    "CAST(? AS VARCHAR)",
                    "CAST(? AS VARCHAR)",
                    "CAST(? AS DOUBLE)",
                    "to_timestamp(?)::TIMESTAMP",
                    "reviewerID, asin, overall, unixReviewTime)"));
    TestStepContext context = ingest(tmp, Map.of("source", file.toString()));
    assertEquals(ROWS, read(context, DatasetLayout.RATINGS));
  }

  @Test
  void ambiguousMissingAndBadRowsInParquet(@TempDir Path tmp) throws Exception {
    Path both =
        parquet(
            tmp.resolve("both.parquet"),
            "SELECT 1 AS user_id, 2 AS visitorid," + " 'a' AS item, 4.0 AS rating");
    assertEquals(
        both
            + ": found 2 candidate user_id columns (user_id, visitorid) among user_id,"
            + " visitorid, item, rating; pick one with --set ingest.user_col=user_id",
        assertThrows(
                ComponentException.class,
                () -> ingest(tmp.resolve("a"), Map.of("source", both.toString())))
            .getMessage());
    Path bad =
        parquet(
            tmp.resolve("bad.parquet"),
            "SELECT * FROM (VALUES (1, 'a', 4.0),"
                + " (2, NULL, 3.0), (3, 'c', CAST('NaN' AS DOUBLE)), (4, 'd', 1.0)) t(uid, iid, score)");
    assertEquals(
        bad + " row 2, column 2 (iid): expected a non-empty item_id, found NULL",
        assertThrows(
                ComponentException.class,
                () -> ingest(tmp.resolve("b"), Map.of("source", bad.toString())))
            .getMessage());
    assertEquals(
        bad
            + " row 3, column 3 (score): expected a finite numeric rating, found 'NaN'"
            + " (bad row 2; ingest.max_bad_records is 1)",
        assertThrows(
                ComponentException.class,
                () ->
                    ingest(
                        tmp.resolve("c"), Map.of("source", bad.toString(), "max_bad_records", "1")))
            .getMessage());
    TestStepContext context =
        ingest(tmp.resolve("d"), Map.of("source", bad.toString(), "max_bad_records", "2"));
    assertEquals("1\ta\t4\t0\n4\td\t1\t0\n", read(context, DatasetLayout.RATINGS));
    try (DuckDbWarehouse warehouse =
        DuckDbWarehouse.open(tmp.resolve("d").resolve("warehouse.duckdb"))) {
      assertEquals(
          List.of(
              List.of(2L, "2 (iid)", "2,null,3.0,null"), List.of(3L, "3 (score)", "3,c,NaN,null")),
          warehouse
              .query("SELECT line, column_name," + " text FROM rejected_rows ORDER BY line")
              .rows());
    }
  }
}
