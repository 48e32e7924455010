package io.recopipe.components.ingest;

import static io.recopipe.components.ingest.IngestFixtures.ingest;
import static io.recopipe.components.ingest.IngestFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.QueryResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest from each kind of source into a dataset directory and DuckDB tables. */
class IngestComponentTest {
  @Test
  void hundredKDirectoryIsSortedNumericallyWithCatalogsAndTables(@TempDir Path tmp)
      throws Exception {
    Path data = IngestFixtures.hundredK(tmp.resolve("ml-100k"));
    TestStepContext context =
        ingest(tmp, Map.of("source", data.toString(), "eval_fraction", "0.25"));
    assertEquals(
        """
        2\t1\t4\t881250999
        2\t2\t4\t881250954
        2\t3\t2\t881250952
        9\t2\t1\t881250953
        9\t4\t3\t881250956
        10\t1\t3\t881250951
        10\t2\t5\t881250955
        10\t3\t4\t881250949
        """,
        read(context, DatasetLayout.RATINGS));
    assertEquals(
        "1\tToy Story (1995)\tAnimation|Children's\n2\tGoldenEye (1995)\tAction|Adventure\n"
            + "3\tFour Rooms (1995)\t\n4\tGet Shorty (1995)\tAction|Comedy\n",
        read(context, DatasetLayout.MOVIES));
    assertEquals(
        "2\tF\t53\tother\t94043\n9\tM\t29\tstudent\t01002\n10\tM\t53\tlawyer\t90703\n",
        read(context, DatasetLayout.USERS));
    String report = read(context, DatasetLayout.REPORT);
    assertTrue(report.contains("\"format\": \"MovieLens 100K\""), report);
    assertTrue(report.contains("\"rows\": 8,"), report);
    assertTrue(report.contains("\"duplicates_resolved\": 1,"), report);
    assertTrue(report.contains("\"density\": 0.66666667,"), report);
    assertTrue(
        report.contains(
            "\"rating_histogram\": {\"1\": 1, \"2\": 1, \"3\": 2, \"4\": 3," + " \"5\": 1}"),
        report);
    assertTrue(report.contains("\"train_rows\": 6, \"eval_rows\": 2"), report);
    assertEquals(8.0, context.metrics.get("rows"));
    assertEquals(3.0, context.metrics.get("users"));
    assertEquals(4.0, context.metrics.get("items"));
    assertEquals(6.0, context.metrics.get("train_rows"));
    assertEquals(2.0, context.metrics.get("eval_rows"));
    assertEquals(1.0, context.metrics.get("duplicates_resolved"));
    assertTrue(
        context.log.stream().anyMatch(line -> line.contains("8 rows read")),
        context.log.toString());
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"))) {
      assertEquals(
          List.of(List.of(8L, 6L, 2L, 4L, 3L)),
          warehouse
              .query(
                  "SELECT"
                      + " (SELECT COUNT(*) FROM ratings), (SELECT COUNT(*) FROM train),"
                      + " (SELECT COUNT(*) FROM eval), (SELECT COUNT(*) FROM movies),"
                      + " (SELECT COUNT(*) FROM users)")
              .rows());
      QueryResult top =
          warehouse.query(
              "SELECT user_id, ARRAY_AGG(item_id ORDER BY rating DESC,"
                  + " item_id)[1:5] AS top FROM ratings GROUP BY user_id ORDER BY user_id::INT");
      assertEquals(
          List.of(
              List.of("2", List.of("1", "2", "3")),
              List.of("9", List.of("4", "2")),
              List.of("10", List.of("2", "3", "1"))),
          top.rows());
      assertEquals(
          List.of(List.of("Toy Story (1995)", "Animation|Children's", "M", 53L)),
          warehouse
              .query(
                  "SELECT m.title, m.genres, u.gender, u.age FROM ratings r"
                      + " JOIN movies m USING (item_id) JOIN users u USING (user_id)"
                      + " WHERE r.user_id = '10' AND r.item_id = '1'")
              .rows());
      assertEquals(
          List.of(List.of(0L)),
          warehouse
              .query(
                  "SELECT COUNT(*) FROM (SELECT user_id,"
                      + " item_id FROM train INTERSECT SELECT user_id, item_id FROM eval)")
              .rows());
    }
  }

  @Test
  void oneMZipWithDemographics(@TempDir Path tmp) throws Exception {
    Path zip =
        IngestFixtures.zip(
            IngestFixtures.oneM(tmp.resolve("src")), "ml-1m", tmp.resolve("ml-1m.zip"));
    TestStepContext context = ingest(tmp, Map.of("source", zip.toString()));
    assertEquals(
        "1\t661\t3\t978302109\n1\t1193\t5\t978300760\n2\t661\t1\t978299000\n"
            + "2\t914\t3\t978301968\n2\t1193\t4\t978298413\n",
        read(context, DatasetLayout.RATINGS));
    assertTrue(
        read(context, DatasetLayout.MOVIES)
            .startsWith("661\tJames and the Giant Peach (1996)\tAnimation|Children's|Musical\n"));
    assertTrue(read(context, DatasetLayout.USERS).startsWith("1\tF\t1\t"));
    assertTrue(read(context, DatasetLayout.REPORT).contains("MovieLens 1M/10M (.dat)"));
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"))) {
      assertEquals(List.of(List.of(2L)), warehouse.query("SELECT COUNT(*) FROM users").rows());
      assertEquals(
          List.of(List.of("One Flew Over the Cuckoo's Nest (1975)", 4.5)),
          warehouse
              .query(
                  "SELECT title, AVG(rating) FROM ratings JOIN movies USING (item_id)"
                      + " WHERE item_id = '1193' GROUP BY title")
              .rows());
    }
  }

  @Test
  void delimitedFileWithColumnMapping(@TempDir Path tmp) throws Exception {
    Path csv =
        IngestFixtures.write(
            tmp.resolve("events.csv"),
            "when;stars;who;what\n100;4.5;u2;b\n200;3;u1;a\n300;5;u1;b\n");
    TestStepContext context =
        ingest(
            tmp,
            Map.of(
                "source",
                csv.toString(),
                "delimiter",
                ";",
                "user_col",
                "who",
                "item_col",
                "what",
                "rating_col",
                "stars",
                "timestamp_col",
                "when",
                "rating_min",
                "1",
                "rating_max",
                "5"));
    assertEquals(
        "u1\ta\t3\t200\nu1\tb\t5\t300\nu2\tb\t4.5\t100\n", read(context, DatasetLayout.RATINGS));
    assertFalse(Files.exists(context.output("dataset").resolve(DatasetLayout.MOVIES)));
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"))) {
      assertEquals(
          List.of(List.of(0L, 0L)),
          warehouse
              .query("SELECT (SELECT COUNT(*) FROM movies), (SELECT COUNT(*) FROM users)")
              .rows());
    }
  }

  @Test
  void parquetWithColumnMapping(@TempDir Path tmp) throws Exception {
    Path parquet = tmp.resolve("ratings.parquet");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM (VALUES (7, 'x', 4.0, TIMESTAMP '2001-09-09"
              + " 01:46:40'), (7, 'y', 2.0, TIMESTAMP '2001-09-09 01:46:41'), (3, 'x', 5.0,"
              + " TIMESTAMP '2001-09-09 01:46:42')) t(uid, movie, score, ts)) TO '"
              + parquet
              + "' (FORMAT parquet)");
    }
    TestStepContext context =
        ingest(
            tmp,
            Map.of(
                "source",
                parquet.toString(),
                "user_col",
                "uid",
                "item_col",
                "movie",
                "rating_col",
                "score",
                "timestamp_col",
                "ts"));
    assertEquals(
        "3\tx\t5\t1000000002\n7\tx\t4\t1000000000\n7\ty\t2\t1000000001\n",
        read(context, DatasetLayout.RATINGS));
    assertTrue(read(context, DatasetLayout.REPORT).contains("\"format\": \"parquet\""));
  }

  @Test
  void syntheticPresetAndLatestSplit(@TempDir Path tmp) throws Exception {
    long start = System.nanoTime();
    TestStepContext context =
        ingest(
            tmp,
            Map.of(
                "source", "preset:ml-100k", "split", "latest", "eval_per_user", "3", "seed", "7"));
    System.out.printf("ingest preset:ml-100k: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    assertEquals(100_000.0, context.metrics.get("rows"));
    assertEquals(943.0 * 3, context.metrics.get("eval_rows"));
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"))) {
      // every eval rating is at least as late as the same user's latest train rating
      assertEquals(
          List.of(List.of(0L)),
          warehouse
              .query(
                  "SELECT COUNT(*) FROM eval e JOIN"
                      + " (SELECT user_id, MAX(timestamp) AS last FROM train GROUP BY user_id) t"
                      + " USING (user_id) WHERE e.timestamp < t.last")
              .rows());
      assertEquals(
          List.of(List.of(943L, 3L, 3L)),
          warehouse
              .query(
                  "SELECT COUNT(*), MIN(n),"
                      + " MAX(n) FROM (SELECT user_id, COUNT(*) AS n FROM eval GROUP BY user_id)")
              .rows());
    }
  }

  @Test
  void latestSplitKeepsSmallUsersInTrain(@TempDir Path tmp) throws Exception {
    Path data = IngestFixtures.hundredK(tmp.resolve("ml-100k"));
    TestStepContext context =
        ingest(tmp, Map.of("source", data.toString(), "split", "latest", "eval_per_user", "2"));
    assertEquals(
        "2\t1\t4\t881250999\n2\t2\t4\t881250954\n10\t1\t3\t881250951\n" + "10\t2\t5\t881250955\n",
        read(context, DatasetLayout.EVAL));
    assertEquals(
        "2\t3\t2\t881250952\n9\t2\t1\t881250953\n9\t4\t3\t881250956\n" + "10\t3\t4\t881250949\n",
        read(context, DatasetLayout.TRAIN));
  }

  @Test
  void randomSplitIsSeededAndExact(@TempDir Path tmp) throws Exception {
    TestStepContext a = ingest(tmp.resolve("a"), Map.of("source", "preset:ml-100k"));
    TestStepContext b = ingest(tmp.resolve("b"), Map.of("source", "preset:ml-100k", "seed", "43"));
    assertEquals(10_000.0, a.metrics.get("eval_rows"));
    assertEquals(90_000.0, a.metrics.get("train_rows"));
    assertFalse(read(a, DatasetLayout.EVAL).equals(read(b, DatasetLayout.EVAL)));
  }
}
