package io.recopipe.components.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.writers.TsvRatingsWriter;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import io.recopipe.model.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a dataset directory by its schema: exact values, no inference, corruption named. */
class IngestedDatasetTest {
  @TempDir Path dir;

  /** Writes {@code all} as ratings, its first rows as train and the rest as eval. */
  private DatasetSchema write(Ratings all, int trainRows, boolean schema) throws IOException {
    int[] train = new int[trainRows];
    int[] eval = new int[all.size() - trainRows];
    for (int n = 0; n < all.size(); n++) {
      if (n < trainRows) {
        train[n] = n;
      } else {
        eval[n - trainRows] = n;
      }
    }
    TsvRatingsWriter.write(all, dir.resolve(DatasetLayout.RATINGS));
    TsvRatingsWriter.write(all.select(train), dir.resolve(DatasetLayout.TRAIN));
    TsvRatingsWriter.write(all.select(eval), dir.resolve(DatasetLayout.EVAL));
    DatasetSchema described =
        DatasetSchema.of(all, trainRows, all.size() - trainRows, "test", "test");
    if (schema) {
      Files.writeString(dir.resolve(DatasetLayout.SCHEMA), Json.pretty(described.toJson()));
    }
    return described;
  }

  private static Ratings halfStars() {
    RatingsBuilder builder = new RatingsBuilder();
    float[] stars = {0.5f, 1f, 1.5f, 2f, 2.5f, 3f, 3.5f, 4f, 4.5f, 5f};
    for (int user = 1; user <= 10; user++) {
      for (int item = 1; item <= 6; item++) {
        builder.add(
            Integer.toString(user),
            Integer.toString(item * 7),
            stars[(user * item) % stars.length],
            964982703L + user * item);
      }
    }
    return builder.build();
  }

  private static List<String> rows(Ratings ratings) {
    return java.util.stream.IntStream.range(0, ratings.size())
        .mapToObj(
            n ->
                ratings.users().id(ratings.user(n))
                    + " "
                    + ratings.items().id(ratings.item(n))
                    + " "
                    + Float.floatToIntBits(ratings.rating(n))
                    + " "
                    + ratings.timestamp(n))
        .toList();
  }

  @Test
  void readsHalfStarsByTheSchemaExactly() throws IOException {
    Ratings all = halfStars();
    DatasetSchema schema = write(all, 50, true);
    IngestedDataset dataset = IngestedDataset.open(dir);
    assertTrue(dataset.hasRecordedSchema());
    assertEquals(schema, dataset.schema());
    assertEquals(new RatingRange(0.5f, 5f), dataset.ratingRange());
    Ratings ratings = dataset.split(DatasetLayout.RATINGS).orElseThrow();
    assertEquals(rows(all), rows(ratings));
    assertEquals(schema.fingerprint(), ratings.fingerprint());
    assertEquals(50, dataset.split(DatasetLayout.TRAIN).orElseThrow().size());
    assertEquals(10, dataset.split(DatasetLayout.EVAL).orElseThrow().size());
  }

  @Test
  void everyFloatTheWriterWritesReadsBackBitForBit() throws IOException {
    Random random = new Random(3);
    RatingsBuilder builder = new RatingsBuilder();
    float[] awkward = {0.1f, -2.5f, 1e-5f, 123456.78f, 16777217f, 3.4e38f, 99.999f};
    for (int n = 0; n < 5000; n++) {
      float rating =
          n < awkward.length
              ? awkward[n]
              : (float) ((random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(8) - 3));
      builder.add("u" + n % 97, "i" + n, rating, random.nextInt(2_000_000_000));
    }
    Ratings all = builder.build();
    write(all, 4000, true);
    assertEquals(
        rows(all), rows(IngestedDataset.open(dir).split(DatasetLayout.RATINGS).orElseThrow()));
  }

  @Test
  void integerIdsReadBackAsTheirCanonicalText() throws IOException {
    RatingsBuilder builder = new RatingsBuilder();
    List<String> ids =
        List.of(
            "0",
            "-7",
            "42",
            "9223372036854775807",
            "-9223372036854775808",
            "1000000000000000000",
            "123456789012345678");
    for (int n = 0; n < ids.size(); n++) {
      builder.add(ids.get(n), ids.get(ids.size() - 1 - n), 1 + n % 5, n);
    }
    Ratings all = builder.build();
    assertEquals(IdKind.INTEGER, write(all, 5, true).userIds());
    Ratings read = IngestedDataset.open(dir).split(DatasetLayout.RATINGS).orElseThrow();
    assertEquals(rows(all), rows(read));
    assertEquals(all.fingerprint(), read.fingerprint());
    assertContains(
        "column 2 (item_id): expected an integer id (schema.json: integer ids), found "
            + "'9223372036854775808'",
        corrupt(DatasetLayout.RATINGS, 1, "0\t9223372036854775808\t1\t0"));
    assertContains(
        "column 1 (user_id): expected an integer id (schema.json: integer ids), found " + "'007'",
        corrupt(DatasetLayout.RATINGS, 1, "007\t1\t1\t0"));
  }

  @Test
  void withoutSchemaJsonTheRangeComesFromTheDataNeverOneToFive() throws IOException {
    RatingsBuilder builder = new RatingsBuilder();
    for (int n = 0; n <= 20; n++) {
      builder.add("u" + n % 4, "i" + n, n * 5f, n);
    }
    write(builder.build(), 15, false);
    IngestedDataset dataset = IngestedDataset.open(dir);
    assertFalse(dataset.hasRecordedSchema());
    assertEquals(new RatingRange(0, 100), dataset.ratingRange());
    assertEquals(15, dataset.split(DatasetLayout.TRAIN).orElseThrow().size());
    assertEquals(21, dataset.split(DatasetLayout.RATINGS).orElseThrow().size());
    assertEquals(IdKind.STRING, dataset.schema().userIds());
  }

  /** Writes the half-star dataset afresh, replaces one line of {@code file}, reads it. */
  private String corrupt(String file, int line, String replacement) throws IOException {
    write(halfStars(), 50, true);
    Path path = dir.resolve(file);
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(path));
    lines.set(line - 1, replacement);
    Files.write(path, lines);
    return assertThrows(CorruptDatasetException.class, () -> IngestedDataset.open(dir).split(file))
        .getMessage();
  }

  @Test
  void aDamagedFileIsNamedWithLineAndColumnAsCorruption() throws IOException {
    String train = dir.resolve(DatasetLayout.TRAIN).toString();
    String message = corrupt(DatasetLayout.TRAIN, 3, "1\t21\tfour\t964982724");
    assertEquals(
        "corrupt dataset: "
            + train
            + " line 3, column 3 (rating): expected a number, "
            + "found 'four'"
            + CorruptDatasetException.ADVICE,
        message);
    assertContains(
        "line 3, column 3 (rating): rating 7 is outside the range schema.json "
            + "records, [0.5, 5.0]",
        corrupt(DatasetLayout.TRAIN, 3, "1\t21\t7\t964982724"));
    assertContains(
        "line 4, column 1 (user_id): expected an integer id (schema.json: integer "
            + "ids), found 'x\\u001b[31m'",
        corrupt(DatasetLayout.TRAIN, 4, "x\u001b[31m\t21\t3\t964982724"));
    assertContains(
        "line 5, column 3 (rating): expected 4 tab-separated columns, found 3",
        corrupt(DatasetLayout.TRAIN, 5, "1\t21\t3"));
    assertContains(
        "line 6, column 4 (timestamp): expected epoch seconds (an integer), found " + "'12:00'",
        corrupt(DatasetLayout.TRAIN, 6, "1\t21\t3\t12:00"));
  }

  private static void assertContains(String expected, String actual) {
    assertTrue(actual.contains(expected), actual);
  }

  @Test
  void aTruncatedOrMissingFileDisagreesWithTheRowCount() throws IOException {
    write(halfStars(), 50, true);
    Path eval = dir.resolve(DatasetLayout.EVAL);
    List<String> lines = Files.readAllLines(eval);
    Files.write(eval, lines.subList(0, 4));
    assertTrue(
        assertThrows(
                CorruptDatasetException.class,
                () -> IngestedDataset.open(dir).split(DatasetLayout.EVAL))
            .getMessage()
            .contains(eval + ": 4 rows, schema.json says 10"));
    Files.delete(eval);
    assertTrue(
        assertThrows(
                CorruptDatasetException.class,
                () -> IngestedDataset.open(dir).split(DatasetLayout.EVAL))
            .getMessage()
            .contains(eval + " is missing"));
  }

  @Test
  void aSchemaThisRecopipeCannotReadIsRefusedByName() throws IOException {
    write(halfStars(), 60, true);
    assertEquals(Optional.empty(), IngestedDataset.open(dir).split(DatasetLayout.EVAL));
    Path schema = dir.resolve(DatasetLayout.SCHEMA);
    Files.writeString(
        schema, Files.readString(schema).replace("\"format_version\": 1", "\"format_version\": 2"));
    String message =
        assertThrows(CorruptDatasetException.class, () -> IngestedDataset.open(dir)).getMessage();
    assertTrue(
        message.startsWith(
            "corrupt dataset: "
                + schema
                + ": format_version 2 is not one "
                + "this recopipe reads"),
        message);
  }
}
