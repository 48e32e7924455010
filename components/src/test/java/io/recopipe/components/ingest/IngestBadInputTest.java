package io.recopipe.components.ingest;

import static io.recopipe.components.ingest.IngestFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.readers.DataFormatException;
import io.recopipe.components.readers.DatasetReader;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every malformed source the readers refuse, and every bad parameter, fails ingest with one line
 * (the readers' own message for data) and leaves the earlier tables untouched.
 */
class IngestBadInputTest {
  @TempDir Path tmp;

  /** Runs ingest on {@code source} after a good ingest, checks the tables survived. */
  private String failure(Map<String, String> parameters) throws Exception {
    Path data = IngestFixtures.hundredK(tmp.resolve("good"));
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("w.duckdb"))) {
      new IngestComponent()
          .run(
              new TestStepContext(tmp.resolve("ok"), warehouse, Map.of("source", data.toString())));
      TestStepContext context = new TestStepContext(tmp.resolve("bad"), warehouse, parameters);
      ComponentException e =
          assertThrows(ComponentException.class, () -> new IngestComponent().run(context));
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertEquals(
          List.of(List.of(8L, 4L)),
          warehouse
              .query("SELECT (SELECT COUNT(*) FROM" + " ratings), (SELECT COUNT(*) FROM movies)")
              .rows());
      assertFalse(Files.exists(tmp.resolve("bad/out/dataset/ratings.tsv")));
      return e.getMessage();
    }
  }

  private String readerMessage(Path path) {
    return assertThrows(DataFormatException.class, () -> DatasetReader.read(path)).getMessage();
  }

  private void assertSameAsReader(Path path) throws Exception {
    assertEquals(readerMessage(path), failure(Map.of("source", path.toString())));
  }

  @Test
  void malformedMovieLensFilesSurfaceTheReadersLine() throws Exception {
    Path dir = tmp.resolve("bad100k");
    List<String> bad =
        List.of(
            "1\t2\t3\t4\n1\t2\t3\n",
            "1\t2\t3\t4\nabc\t2\t3\t4\n",
            "1\t2\tgood\t4\n",
            "1\t2\tNaN\t4\n",
            "1\t2\t6\t4\n",
            "1\t2\t3\tyesterday\n",
            "",
            "1,2,3,4\n");
    for (String content : bad) {
      write(dir.resolve("u.data"), content);
      assertSameAsReader(dir);
      assertTrue(
          failure(Map.of("source", dir.toString())).startsWith(dir.resolve("u.data") + " line "));
    }
  }

  @Test
  void malformedDatCsvCatalogsAndZipsSurfaceTheReadersLine() throws Exception {
    Path dat = tmp.resolve("dat");
    write(dat.resolve("ratings.dat"), "1::2::3::4\n1::m2::3::4\n");
    assertSameAsReader(dat);
    Path zip = IngestFixtures.zip(dat, "ml-1m", tmp.resolve("ml-1m.zip"));
    assertSameAsReader(zip);
    assertTrue(
        failure(Map.of("source", zip.toString()))
            .startsWith(zip + "!/ml-1m/ratings.dat" + " line 2, column 2 (MovieID): "));
    Path csv = tmp.resolve("csv");
    write(csv.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,2,0.25,4\n");
    assertSameAsReader(csv);
    write(csv.resolve("ratings.csv"), "a,b,c,d\n1,2,3,4\n");
    assertSameAsReader(csv);
    Path catalog = IngestFixtures.hundredK(tmp.resolve("catalog"));
    write(catalog.resolve("u.user"), "1|24|M|x|1\n1|25|F|y|2\n");
    assertSameAsReader(catalog);
    Path notZip = write(tmp.resolve("fake.zip"), "not a zip");
    assertSameAsReader(notZip);
    Path unknown = tmp.resolve("unknown");
    write(unknown.resolve("notes.txt"), "hello");
    assertSameAsReader(unknown);
  }

  @Test
  void delimitedAndParquetProblemsNameFileAndLine() throws Exception {
    Path csv = write(tmp.resolve("r.csv"), "user,item,rating\n1,2,3\n1,3,9\n");
    String message = failure(Map.of("source", csv.toString(), "rating_max", "5"));
    assertEquals(csv + " line 3, column 3 (rating): expected a rating <= 5, found '9'", message);
    Path parquet = tmp.resolve("r.parquet");
    try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var statement = connection.createStatement()) {
      statement.execute(
          "COPY (SELECT 1 AS a, 2 AS b, 'x' AS c) TO '" + parquet + "' (FORMAT parquet)");
    }
    assertEquals(
        parquet
            + ": found no user_id column among a, b, c; name it with --set"
            + " ingest.user_col=NAME",
        failure(Map.of("source", parquet.toString())));
    assertEquals(
        parquet + " row 1, column 2 (b): expected a rating in 3..5, found '2.0'",
        failure(
            Map.of(
                "source",
                parquet.toString(),
                "user_col",
                "a",
                "item_col",
                "c",
                "rating_col",
                "b",
                "rating_min",
                "3",
                "rating_max",
                "5")));
  }

  @Test
  void badParametersAreNamedByKey() throws Exception {
    Path missing = tmp.resolve("nowhere");
    assertEquals(
        "ingest.source: no such file: " + missing, failure(Map.of("source", missing.toString())));
    assertEquals(
        "ingest.split: expected random or latest, found 'x'",
        failure(Map.of("source", "preset:ml-100k", "split", "x")));
    assertEquals(
        "ingest.eval_fraction: expected a number in (0, 1), found 2",
        failure(Map.of("source", "preset:ml-100k", "eval_fraction", "2")));
    assertEquals(
        "ingest.eval_fraction: expected a number, found 'lots'",
        failure(Map.of("source", "preset:ml-100k", "eval_fraction", "lots")));
    assertEquals(
        "ingest.eval_per_user: expected an integer in 1..1000000, found 0",
        failure(Map.of("source", "preset:ml-100k", "eval_per_user", "0")));
    assertEquals(
        "ingest.source: expected a path, preset:ml-100k|ml-1m|ml-20m or movielens-1m,"
            + " found nothing",
        failure(Map.of()));
    assertTrue(
        failure(Map.of("source", "preset:ml-5k"))
            .startsWith("ingest.source: unknown preset 'ml-5k'"));
    assertTrue(
        failure(Map.of("source", "preset:ml-100k", "num_factors", "5"))
            .startsWith("ingest.num_factors: unknown parameter (known: checksum, delimiter,"));
    assertEquals(
        "ingest.delimiter: expected one character (or \\t), found ';;'",
        failure(Map.of("source", "preset:ml-100k", "delimiter", ";;")));
    Path release = IngestFixtures.hundredK(tmp.resolve("release"));
    assertTrue(
        failure(Map.of("source", release.toString(), "rating_max", "4"))
            .startsWith(
                "ingest.source: "
                    + release
                    + ": delimiter, header, *_col and rating_min/rating_max"
                    + " apply to a single delimited or Parquet file"));
    assertEquals(
        "ingest.header: expected true or false, found 'yes'",
        failure(Map.of("source", "preset:ml-100k", "header", "yes")));
  }
}
