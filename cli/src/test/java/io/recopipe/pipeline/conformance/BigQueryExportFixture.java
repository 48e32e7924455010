package io.recopipe.pipeline.conformance;

import io.recopipe.pipeline.conformance.PlantedRatings.Row;
import io.recopipe.pipeline.conformance.PlantedRatings.Scale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a ratings table as BigQuery exports it to CSV ({@code bq extract} or {@code EXPORT DATA …
 * format='CSV'}), because the pipeline's users arrive from BigQuery ML with exactly this file: the
 * tutorial's columns, TIMESTAMP values as text, rows in no order.
 *
 * <p>Columns: BigQuery ML's matrix-factorization tutorial loads MovieLens as {@code user_id:INT64,
 * item_id:INT64, rating:FLOAT64, timestamp:TIMESTAMP}
 * (cloud.google.com/bigquery/docs/bigqueryml-mf-explicit-tutorial); the export writes a header row
 * by default ({@code print_header=true}). TIMESTAMP values: {@code bq extract} writes them as
 * {@code YYYY-MM-DD HH:MM:SS UTC} with a "UTC" suffix rather than ISO-8601's {@code T}/{@code Z}
 * (github.com/bxparks/bigquery-schema-generator/issues/19, verified there against {@code bq
 * extract}; the same form appears in Google's data-type examples,
 * cloud.google.com/bigquery/docs/data-types, e.g. {@code 2014-08-19 12:41:35.220 UTC}). A sharded
 * export names its file {@code NAME-000000000000.csv}.
 */
final class BigQueryExportFixture {
  static final DateTimeFormatter BIGQUERY_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private BigQueryExportFixture() {}

  /** Writes the export into {@code dir} and returns the fixture for its one file. */
  static Fixture write(Path dir) throws IOException {
    PlantedRatings planted = PlantedRatings.generate(Scale.WHOLE_STARS, 42);
    Files.createDirectories(dir);
    List<Row> rows = new ArrayList<>(planted.rows());
    Collections.shuffle(rows, new Random(42));
    List<String> lines = new ArrayList<>(List.of("user_id,item_id,rating,timestamp"));
    rows.forEach(
        row ->
            lines.add(
                id(row.user())
                    + ","
                    + id(row.item())
                    + ","
                    + PlantedRatings.oneDecimal(row.rating())
                    + ","
                    + BIGQUERY_TIMESTAMP.format(Instant.ofEpochSecond(row.epochSeconds()))));
    Path file = dir.resolve("movielens_ratings-000000000000.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return Fixture.of(
        file,
        List.of(),
        planted,
        BigQueryExportFixture::id,
        BigQueryExportFixture::id,
        true,
        Map.of());
  }

  private static String id(int index) {
    return Integer.toString(index + 1);
  }
}
