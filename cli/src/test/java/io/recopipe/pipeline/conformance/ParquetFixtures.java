package io.recopipe.pipeline.conformance;

import io.recopipe.pipeline.conformance.PlantedRatings.Row;
import io.recopipe.pipeline.conformance.PlantedRatings.Scale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes planted ratings to Parquet through DuckDB with the physical types and column names other
 * tools produce, because a Parquet file's ids and ratings arrive typed (int32, int64, string;
 * float, double, decimal) rather than as text the readers can re-parse.
 *
 * <p>The variants: MovieLens as Hugging Face and pandas write it ({@code userId, movieId} int32,
 * {@code rating} float, {@code timestamp} int64 epoch seconds); a BigQuery table export ({@code
 * user_id, item_id} INT64, {@code rating} FLOAT64, {@code timestamp} TIMESTAMP); and a retail event
 * table with string ids ({@code customer_id, product_id}), a {@code score} as DECIMAL(3,1) on a
 * 0..10 scale and an {@code event_time} TIMESTAMP.
 */
final class ParquetFixtures {
  /** The physical layouts: column names, SQL types and the rating scale each variant uses. */
  enum Variant {
    INT32_IDS_FLOAT_RATINGS(
        "userId", "movieId", "rating", "timestamp", "INTEGER", "FLOAT", false, Scale.HALF_STARS),
    INT64_IDS_DOUBLE_RATINGS(
        "user_id",
        "item_id",
        "rating",
        "timestamp",
        "BIGINT",
        "DOUBLE",
        true,
        new Scale(1, 5, 0.01)),
    STRING_IDS_DECIMAL_RATINGS(
        "customer_id",
        "product_id",
        "score",
        "event_time",
        "VARCHAR",
        "DECIMAL(3,1)",
        true,
        new Scale(0, 10, 0.1));

    final String user;
    final String item;
    final String rating;
    final String time;
    final String idType;
    final String ratingType;
    final boolean timestampType;
    final Scale scale;

    Variant(
        String user,
        String item,
        String rating,
        String time,
        String idType,
        String ratingType,
        boolean timestampType,
        Scale scale) {
      this.user = user;
      this.item = item;
      this.rating = rating;
      this.time = time;
      this.idType = idType;
      this.ratingType = ratingType;
      this.timestampType = timestampType;
      this.scale = scale;
    }

    boolean integerIds() {
      return !idType.equals("VARCHAR");
    }

    String userId(int index) {
      return integerIds()
          ? Integer.toString(index + 1)
          : String.format(Locale.ROOT, "cust_%04d", index + 1);
    }

    String itemId(int index) {
      return integerIds()
          ? Integer.toString(index < 150 ? index + 1 : 5_000 + index)
          : String.format(Locale.ROOT, "SKU-%06d", (index + 1) * 37);
    }
  }

  private ParquetFixtures() {}

  /** Writes {@code variant} as {@code ratings.parquet} in {@code dir}. */
  static Fixture write(Variant variant, Path dir) throws IOException, SQLException {
    PlantedRatings planted = PlantedRatings.generate(variant.scale, 300 + variant.ordinal());
    Path staging = Files.createDirectories(dir.resolve("staging")).resolve("rows.csv");
    List<String> lines = new ArrayList<>(List.of("u,i,r,t"));
    for (Row row : planted.rows()) {
      lines.add(
          variant.userId(row.user())
              + ","
              + variant.itemId(row.item())
              + ","
              + row.rating()
              + ","
              + row.epochSeconds());
    }
    Files.write(staging, lines, StandardCharsets.UTF_8);
    Path parquet = dir.resolve("ratings.parquet");
    String time =
        variant.timestampType ? "epoch_ms(CAST(t AS BIGINT) * 1000)" : "CAST(t AS BIGINT)";
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute(
          "COPY (SELECT CAST(u AS "
              + variant.idType
              + ") AS \""
              + variant.user
              + "\", CAST(i AS "
              + variant.idType
              + ") AS \""
              + variant.item
              + "\", CAST(r AS "
              + variant.ratingType
              + ") AS \""
              + variant.rating
              + "\", "
              + time
              + " AS \""
              + variant.time
              + "\" FROM read_csv("
              + literal(staging)
              + ", header = true,"
              + " all_varchar = true)) TO "
              + literal(parquet)
              + " (FORMAT PARQUET)");
    }
    return Fixture.of(
        parquet,
        List.of(),
        planted,
        variant::userId,
        variant::itemId,
        variant.integerIds(),
        Map.of());
  }

  private static String literal(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
