package io.recopipe.pipeline.conformance;

import io.recopipe.pipeline.conformance.PlantedRatings.Row;
import io.recopipe.pipeline.conformance.PlantedRatings.Scale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes planted ratings as the Amazon review data sets publish them, the most used public ratings
 * with string ids, so the suite covers ids that are not numbers (including ISBN-10 ASINs such as
 * {@code 0972683275} whose leading zero must survive) and float ratings.
 *
 * <p>2018 "ratings only" files (nijianmo.github.io/amazon, e.g. {@code Musical_Instruments.csv}):
 * no header, "only (item,user,rating,timestamp) tuples", i.e. ASIN, reviewer id such as {@code
 * A3SGXH7AUHU8GW}, a float rating {@code 1.0..5.0} and unixReviewTime, epoch seconds cut to the
 * day; a user must map the columns by position. 2023 files
 * (amazon-reviews-2023.github.io/data_processing/5core.html, {@code rating_only/All_Beauty.csv}):
 * header {@code user_id,parent_asin,rating,timestamp}, 28-character user ids, ratings {@code 4.0},
 * timestamps in epoch milliseconds.
 */
final class AmazonReviewsFixture {
  private static final String DIGITS = "0123456789";
  private static final String ALPHANUMERIC = DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final long DAY = 86_400;

  private AmazonReviewsFixture() {}

  /** The 2018 ratings-only CSV, which has no header: the user passes the column positions. */
  static Fixture write2018(Path dir) throws IOException {
    PlantedRatings planted =
        PlantedRatings.generate(Scale.WHOLE_STARS, 2018)
            .withTimes(seconds -> seconds - seconds % DAY);
    List<String> users =
        ids(PlantedRatings.USERS, 2018, (position, random) -> "A" + draw(ALPHANUMERIC, 13, random));
    List<String> items =
        ids(
            PlantedRatings.ITEMS,
            2019,
            (position, random) ->
                position % 10 == 3
                    ? "0" + draw(DIGITS, 9, random)
                    : "B00" + draw(ALPHANUMERIC, 7, random));
    List<String> lines = new ArrayList<>();
    for (Row row : planted.rows()) {
      lines.add(
          items.get(row.item())
              + ","
              + users.get(row.user())
              + ","
              + PlantedRatings.oneDecimal(row.rating())
              + ","
              + row.epochSeconds());
    }
    Path file = Files.createDirectories(dir).resolve("Musical_Instruments.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    List<String> settings =
        List.of(
            "ingest.header=false",
            "ingest.item_col=0",
            "ingest.user_col=1",
            "ingest.rating_col=2",
            "ingest.timestamp_col=3");
    return Fixture.of(file, settings, planted, users::get, items::get, false, Map.of());
  }

  /**
   * The 2023 5-core rating-only CSV: every column, the item column {@code parent_asin} included,
   * carries a name that detection knows, so nothing but the file is passed.
   */
  static Fixture write2023(Path dir) throws IOException {
    PlantedRatings planted = PlantedRatings.generate(Scale.WHOLE_STARS, 2023);
    List<String> users =
        ids(
            PlantedRatings.USERS,
            2023,
            (position, random) -> "AG" + draw(ALPHANUMERIC, 26, random));
    List<String> items =
        ids(PlantedRatings.ITEMS, 2024, (position, random) -> "B0" + draw(ALPHANUMERIC, 8, random));
    List<String> lines = new ArrayList<>(List.of("user_id,parent_asin,rating,timestamp"));
    for (Row row : planted.rows()) {
      long millis = row.epochSeconds() * 1000 + (row.user() * 37L + row.item()) % 1000;
      lines.add(
          users.get(row.user())
              + ","
              + items.get(row.item())
              + ","
              + PlantedRatings.oneDecimal(row.rating())
              + ","
              + millis);
    }
    Path file = Files.createDirectories(dir).resolve("All_Beauty.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return Fixture.of(file, List.of(), planted, users::get, items::get, false, Map.of());
  }

  /** Distinct ids: {@code maker} draws the id at each position from one seeded stream. */
  private static List<String> ids(int count, long seed, IdMaker maker) {
    Random random = new Random(seed);
    Set<String> seen = new HashSet<>();
    List<String> ids = new ArrayList<>(count);
    while (ids.size() < count) {
      String id = maker.make(ids.size(), random);
      if (seen.add(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static String draw(String alphabet, int length, Random random) {
    StringBuilder text = new StringBuilder(length);
    for (int n = 0; n < length; n++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** Makes the id at one position. */
  @FunctionalInterface
  private interface IdMaker {
    String make(int position, Random random);
  }
}
