package io.recopipe.components.ingest;

import static io.recopipe.components.ingest.IngestFixtures.ingest;
import static io.recopipe.components.ingest.IngestFixtures.read;
import static io.recopipe.components.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest of user files with a real DuckDB warehouse: columns detected by name with one notice, bad
 * rows skipped under max_bad_records into the rejected_rows table, and a by-time split refused for
 * data without timestamps.
 */
class IngestDetectionAndBadRowsTest {
  private static final String BIGQUERY_CSV =
      "user_id,item_id,rating,timestamp\n"
          + "1,10,4.5,2000-12-31 22:12:40 UTC\n1,11,2,2000-12-31 22:12:41 UTC\n"
          + "2,10,9.5,2001-01-01 00:00:00.25 UTC\n2,12,0.5,2001-01-01 00:00:01 UTC\n";

  @Test
  void bigQueryCsvNeedsNoColumnOptions(@TempDir Path tmp) throws Exception {
    Path csv = write(tmp.resolve("export.csv"), BIGQUERY_CSV);
    TestStepContext context = ingest(tmp, Map.of("source", csv.toString()));
    assertEquals(
        "1\t10\t4.5\t978300760\n1\t11\t2\t978300761\n2\t10\t9.5\t978307200\n"
            + "2\t12\t0.5\t978307201\n",
        read(context, DatasetLayout.RATINGS));
    assertEquals(
        List.of(
            "ingest: columns detected in "
                + csv
                + ": user_id=user_id,"
                + " item_id=item_id, rating=rating, timestamp=timestamp (override with --set"
                + " ingest.user_col=…)"),
        context.progress.stream().filter(line -> line.contains("columns detected")).toList());
    assertTrue(read(context, DatasetLayout.REPORT).contains("\"bad_records\": 0,"));
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"))) {
      assertEquals(
          List.of(List.of(0L)), warehouse.query("SELECT COUNT(*) FROM rejected_rows").rows());
    }
  }

  @Test
  void badRowsWithinTheLimitLandInRejectedRowsUntilACleanRun(@TempDir Path tmp) throws Exception {
    Path csv =
        write(
            tmp.resolve("events.csv"),
            "customer_id,product_id,stars,event_time\n"
                + "c1,p1,5,1700000000000\nc1,p2,lots,1700000001000\nc2,p1,3,1700000002000\n"
                + "c2,p3\u001b[31m,2\nc3,p2,1,1700000003000\n");
    TestStepContext context = ingest(tmp, Map.of("source", csv.toString(), "max_bad_records", "2"));
    assertEquals(
        "c1\tp1\t5\t1700000000\nc2\tp1\t3\t1700000002\nc3\tp2\t1\t1700000003\n",
        read(context, DatasetLayout.RATINGS));
    assertTrue(read(context, DatasetLayout.REPORT).contains("\"bad_records\": 2,"));
    assertTrue(
        context.progress.contains(
            "ingest: 2 bad rows skipped (ingest.max_bad_records is"
                + " 2); see the rejected_rows table"),
        context.progress.toString());
    assertTrue(context.log.stream().noneMatch(line -> line.indexOf('\u001b') >= 0));
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"))) {
      assertEquals(
          List.of(
              List.of(
                  csv.toString(),
                  3L,
                  "3 (stars)",
                  "expected a numeric rating, found 'lots'",
                  "c1,p2,lots,1700000001000"),
              List.of(
                  csv.toString(),
                  5L,
                  "-",
                  "expected 4 comma-separated fields (customer_id"
                      + " product_id stars event_time), found 3",
                  "c2,p3\\u001b[31m,2")),
          warehouse
              .query(
                  "SELECT file, line, COALESCE(column_name, '-'), reason, text"
                      + " FROM rejected_rows ORDER BY line")
              .rows());
    }
    Path clean = write(tmp.resolve("clean.csv"), BIGQUERY_CSV);
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"))) {
      new IngestComponent()
          .run(
              new TestStepContext(
                  tmp.resolve("again"),
                  warehouse,
                  Map.of("source", clean.toString(), "max_bad_records", "2")));
      assertEquals(
          List.of(List.of(0L)), warehouse.query("SELECT COUNT(*) FROM rejected_rows").rows());
    }
  }

  @Test
  void oneBadRowTooManyFailsNamingIt(@TempDir Path tmp) throws Exception {
    Path csv = write(tmp.resolve("r.csv"), "user,item,rating\nu,a,1\nu,b,x\nu,c,y\n");
    ComponentException e =
        assertThrows(
            ComponentException.class,
            () -> ingest(tmp, Map.of("source", csv.toString(), "max_bad_records", "1")));
    assertEquals(
        csv
            + " line 4, column 3 (rating): expected a numeric rating, found 'y' (bad row"
            + " 2; ingest.max_bad_records is 1)",
        e.getMessage());
    ComponentException strict =
        assertThrows(
            ComponentException.class,
            () -> ingest(tmp.resolve("s"), Map.of("source", csv.toString())));
    assertEquals(
        csv + " line 3, column 3 (rating): expected a numeric rating, found 'x'",
        strict.getMessage());
    ComponentException negative =
        assertThrows(
            ComponentException.class,
            () ->
                ingest(
                    tmp.resolve("n"), Map.of("source", csv.toString(), "max_bad_records", "-1")));
    assertEquals(
        "ingest.max_bad_records: expected an integer in 0..10000000, found -1",
        negative.getMessage());
  }

  @Test
  void latestSplitNeedsTimestamps(@TempDir Path tmp) throws Exception {
    Path csv = write(tmp.resolve("r.csv"), "user_id,item_id,rating\nu,a,1\nu,b,2\nu,c,3\n");
    ComponentException e =
        assertThrows(
            ComponentException.class,
            () -> ingest(tmp, Map.of("source", csv.toString(), "split", "latest")));
    assertEquals(
        "ingest.split: latest splits by time, but "
            + csv
            + " has no timestamp column;"
            + " name one with --set ingest.timestamp_col=NAME, or use --set ingest.split=random",
        e.getMessage());
    TestStepContext random =
        ingest(tmp.resolve("r"), Map.of("source", csv.toString(), "eval_fraction", "0.34"));
    assertEquals(3.0, random.metrics.get("rows"));
  }

  @Test
  void explicitColumnsStillWin(@TempDir Path tmp) throws Exception {
    Path csv = write(tmp.resolve("r.csv"), "user_id,uid,item_id,rating\na,x,i,1\nb,y,i,2\n");
    ComponentException ambiguous =
        assertThrows(ComponentException.class, () -> ingest(tmp, Map.of("source", csv.toString())));
    assertEquals(
        csv
            + " line 1: found 2 candidate user_id columns (user_id, uid) among user_id,"
            + " uid, item_id, rating; pick one with --set ingest.user_col=user_id",
        ambiguous.getMessage());
    TestStepContext context =
        ingest(tmp.resolve("ok"), Map.of("source", csv.toString(), "user_col", "uid"));
    assertEquals("x\ti\t1\t0\ny\ti\t2\t0\n", read(context, DatasetLayout.RATINGS));
  }
}
