package io.recopipe.components.ingest;

import static io.recopipe.components.ingest.IngestFixtures.ingest;
import static io.recopipe.components.ingest.IngestFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.dataset.DatasetSchema;
import io.recopipe.components.dataset.IdKind;
import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.io.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest decides the schema once and writes it as schema.json beside the files. */
class IngestSchemaTest {
  private static DatasetSchema schema(TestStepContext context) throws Exception {
    return DatasetSchema.fromJson(Json.parse(read(context, DatasetLayout.SCHEMA)));
  }

  @Test
  void integerIdsAndWholeStars(@TempDir Path tmp) throws Exception {
    Path data = IngestFixtures.hundredK(tmp.resolve("ml-100k"));
    TestStepContext context =
        ingest(tmp, Map.of("source", data.toString(), "eval_fraction", "0.25"));
    String json = read(context, DatasetLayout.SCHEMA);
    assertTrue(
        json.startsWith(
            "{\n  \"format_version\": 1,\n  \"source\": \""
                + data
                + "\",\n  \"format\": \"MovieLens 100K\",\n  \"files\": [\n"),
        json);
    assertTrue(
        json.contains(
            "\"user_ids\": \"integer\",\n  \"item_ids\": \"integer\",\n"
                + "  \"rating\": {\n    \"min\": 1.0,\n    \"max\": 5.0,\n    \"step\": 1.0\n  },\n"
                + "  \"users\": 3,\n  \"items\": 4,\n"),
        json);
    assertTrue(json.contains("\"delimiter\": \"\\t\",\n  \"header\": false,\n"), json);
    assertTrue(json.contains("\"name\": \"user_id\",\n      \"type\": \"INT64\""), json);
    assertTrue(json.contains("\"name\": \"rating\",\n      \"type\": \"FLOAT64\""), json);
    assertTrue(json.contains("\"type\": \"INT64\",\n      \"unit\": \"epoch_seconds\""), json);
    DatasetSchema schema = schema(context);
    assertEquals(
        new DatasetSchema(
            1,
            IdKind.INTEGER,
            IdKind.INTEGER,
            new RatingRange(1, 5),
            OptionalDouble.of(1),
            8,
            6,
            2,
            3,
            4,
            schema.fingerprint(),
            data.toString(),
            "MovieLens 100K"),
        schema);
    IngestedDataset dataset = IngestedDataset.open(context.output(IngestComponent.DATASET));
    assertEquals(
        dataset.split(DatasetLayout.RATINGS).orElseThrow().fingerprint(), schema.fingerprint());
    assertTrue(
        context.progress.contains(
            "ingest: ratings 1..5 in steps of 1; user ids integer, "
                + "item ids integer (predictions are clamped to this range)"),
        context.log.toString());
  }

  @Test
  void halfStarsOfAMovieLensCsv(@TempDir Path tmp) throws Exception {
    Path csv =
        IngestFixtures.write(
            tmp.resolve("ml-latest-small/ratings.csv"),
            "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,0.5,964981247\n"
                + "2,1,5.0,964982224\n2,47,2.5,964983815\n3,3,3.5,964982931\n");
    DatasetSchema schema = schema(ingest(tmp, Map.of("source", csv.toString())));
    assertEquals(new RatingRange(0.5f, 5f), schema.ratingRange());
    assertEquals(OptionalDouble.of(0.5), schema.ratingStep());
    assertEquals(IdKind.INTEGER, schema.userIds());
    assertEquals(5, schema.ratingRows());
  }

  @Test
  void continuousRatingsFromZeroToAHundred(@TempDir Path tmp) throws Exception {
    Random random = new Random(7);
    StringBuilder csv = new StringBuilder("who,what,score,when\n");
    csv.append("u0,i0,0,1\nu0,i1,100,2\n");
    for (int n = 0; n < 40; n++) {
      csv.append(
          String.format(
              Locale.ROOT, "u%d,i%d,%.3f,%d%n", 1 + n % 7, n, 100 * random.nextDouble(), 1000 + n));
    }
    Path file = IngestFixtures.write(tmp.resolve("scores.csv"), csv.toString());
    DatasetSchema schema =
        schema(
            ingest(
                tmp,
                Map.of(
                    "source",
                    file.toString(),
                    "user_col",
                    "who",
                    "item_col",
                    "what",
                    "rating_col",
                    "score",
                    "timestamp_col",
                    "when")));
    assertEquals(new RatingRange(0, 100), schema.ratingRange());
    assertEquals(OptionalDouble.empty(), schema.ratingStep());
    assertEquals(IdKind.STRING, schema.userIds());
    assertTrue(
        read(
                ingest(
                    tmp.resolve("again"),
                    Map.of(
                        "source",
                        file.toString(),
                        "user_col",
                        "who",
                        "item_col",
                        "what",
                        "rating_col",
                        "score",
                        "timestamp_col",
                        "when")),
                DatasetLayout.SCHEMA)
            .contains("\"step\": null"));
  }

  @Test
  void stringIdsAreTypedAsStrings(@TempDir Path tmp) throws Exception {
    Path file =
        IngestFixtures.write(
            tmp.resolve("reviews.csv"),
            "reviewer,asin,overall,time\n"
                + "A3SGXH7AUHU8GW,B001E4KFG0,5.0,1303862400\nA1D87F6ZCVE5NK,B00813GRG4,1.0,1346976000\n"
                + "A3SGXH7AUHU8GW,007,4.0,1219017600\n");
    TestStepContext context =
        ingest(
            tmp,
            Map.of(
                "source",
                file.toString(),
                "user_col",
                "reviewer",
                "item_col",
                "asin",
                "rating_col",
                "overall",
                "timestamp_col",
                "time"));
    DatasetSchema schema = schema(context);
    assertEquals(IdKind.STRING, schema.userIds());
    assertEquals(IdKind.STRING, schema.itemIds(), "007 is not a canonical integer");
    assertEquals(OptionalDouble.of(1), schema.ratingStep());
    assertTrue(
        read(context, DatasetLayout.SCHEMA)
            .contains("\"name\": \"item_id\",\n      \"type\": \"STRING\""));
  }

  @Test
  void idsWithLeadingZerosStayTextInEveryTable(@TempDir Path tmp) throws Exception {
    Path file =
        IngestFixtures.write(
            tmp.resolve("events.csv"),
            "user_id,item_id,rating\n" + "7,1,4\n007,1,2\n7,01,5\n007,2,3\n8,1,1\n8,2,2\n");
    ingest(tmp, Map.of("source", file.toString(), "eval_fraction", "0.5"));
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"))) {
      assertEquals(
          List.of(
              List.of("007", "1", 2.0),
              List.of("007", "2", 3.0),
              List.of("7", "01", 5.0),
              List.of("7", "1", 4.0),
              List.of("8", "1", 1.0),
              List.of("8", "2", 2.0)),
          warehouse
              .query("SELECT user_id, item_id, rating FROM ratings" + " ORDER BY user_id, item_id")
              .rows());
      assertEquals(
          List.of(List.of("VARCHAR", "VARCHAR", 6L)),
          warehouse
              .query(
                  "SELECT"
                      + " typeof(user_id), typeof(item_id), COUNT(*) FROM (SELECT * FROM train UNION ALL"
                      + " SELECT * FROM eval) GROUP BY ALL")
              .rows());
      assertEquals(
          List.of(List.of(0L)),
          warehouse
              .query(
                  "SELECT COUNT(*) FROM (SELECT * FROM"
                      + " ratings EXCEPT SELECT * FROM (SELECT * FROM train UNION ALL SELECT * FROM eval))")
              .rows());
    }
  }
}
