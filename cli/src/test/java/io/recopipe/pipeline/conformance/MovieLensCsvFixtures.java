package io.recopipe.pipeline.conformance;

import io.recopipe.pipeline.conformance.PlantedRatings.Row;
import io.recopipe.pipeline.conformance.PlantedRatings.Scale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes planted ratings in the CSV layout of MovieLens 20M, 25M, 32M and latest, the releases
 * current tutorials use, with the details that break naive readers: half stars written {@code
 * 4.0}/{@code 3.5}, quoted titles holding commas and doubled quotes, UTF-8 accents, sparse movie
 * ids, and the companion files each release ships.
 *
 * <p>Layout per the READMEs (files.grouplens.org/datasets/movielens/ml-20m-README.html,
 * ml-25m-README.html, ml-32m-README.html, ml-latest-small-README.html): every file is UTF-8 CSV
 * with a header row; {@code ratings.csv} is {@code userId,movieId,rating,timestamp} ordered by user
 * then movie, "on a 5-star scale, with half-star increments (0.5 stars - 5.0 stars)", timestamps in
 * epoch seconds; {@code movies.csv} is {@code movieId,title,genres} with titles quoted when they
 * hold commas; {@code tags.csv} is {@code userId,movieId,tag,timestamp}; {@code links.csv} is
 * {@code movieId,imdbId,tmdbId}; 20M and 25M add {@code genome-scores.csv} ({@code
 * movieId,tagId,relevance}) and {@code genome-tags.csv} ({@code tagId,tag}); 32M adds {@code
 * checksums.txt}.
 */
final class MovieLensCsvFixtures {
  /** The releases and the companion files each ships beside ratings, movies, tags and links. */
  enum Release {
    ML_20M("ml-20m", true, false),
    ML_25M("ml-25m", true, false),
    ML_32M("ml-32m", false, true),
    ML_LATEST_SMALL("ml-latest-small", false, false);

    final String folder;
    final boolean genome;
    final boolean checksums;

    Release(String folder, boolean genome, boolean checksums) {
      this.folder = folder;
      this.genome = genome;
      this.checksums = checksums;
    }
  }

  static final String COMMA_TITLE = "American President, The (1995)";
  static final String QUOTED_TITLE = "\"Great Performances\" Cats (1998)";
  static final String ACCENTED_TITLE = "Misérables, Les (1995)";

  private MovieLensCsvFixtures() {}

  /** Writes {@code release}'s files into {@code dir}. */
  static Fixture write(Release release, Path dir) throws IOException {
    PlantedRatings planted = PlantedRatings.generate(Scale.HALF_STARS, 20_000 + release.ordinal());
    Files.createDirectories(dir);
    List<Row> rows = new ArrayList<>(planted.rows());
    rows.sort(
        Comparator.comparingInt(Row::user)
            .thenComparing(row -> movieId(row.item()), Comparator.comparingInt(Integer::parseInt)));
    List<String> ratings = new ArrayList<>(List.of("userId,movieId,rating,timestamp"));
    rows.forEach(
        row ->
            ratings.add(
                userId(row.user())
                    + ","
                    + movieId(row.item())
                    + ","
                    + PlantedRatings.oneDecimal(row.rating())
                    + ","
                    + row.epochSeconds()));
    write(dir, "ratings.csv", ratings);
    write(dir, "movies.csv", movies());
    write(dir, "tags.csv", tags(rows));
    write(dir, "links.csv", links());
    if (release.genome) {
      write(
          dir,
          "genome-tags.csv",
          List.of("tagId,tag", "1,007", "2,\"007 (series)\"", "3,18th century"));
      List<String> scores = new ArrayList<>(List.of("movieId,tagId,relevance"));
      for (int index = 0; index < PlantedRatings.ITEMS; index++) {
        for (int tag = 1; tag <= 3; tag++) {
          scores.add(
              movieId(index)
                  + ","
                  + tag
                  + ","
                  + String.format(Locale.ROOT, "%.5f", ((index * 31 + tag * 17) % 1000) / 1000.0));
        }
      }
      write(dir, "genome-scores.csv", scores);
    }
    if (release.checksums) {
      write(dir, "checksums.txt", List.of("0123456789abcdef0123456789abcdef  ratings.csv"));
    }
    write(dir, "README.txt", List.of("Planted ratings in the " + release.folder + " layout."));
    return Fixture.of(
        dir,
        List.of(),
        planted,
        MovieLensCsvFixtures::userId,
        MovieLensCsvFixtures::movieId,
        true,
        Map.of(movieId(0), COMMA_TITLE, movieId(1), QUOTED_TITLE, movieId(2), ACCENTED_TITLE));
  }

  private static List<String> movies() {
    List<String> movies = new ArrayList<>(List.of("movieId,title,genres"));
    for (int index = 0; index < PlantedRatings.ITEMS; index++) {
      String title =
          switch (index) {
            case 0 -> COMMA_TITLE;
            case 1 -> QUOTED_TITLE;
            case 2 -> ACCENTED_TITLE;
            default -> "Planted Picture " + movieId(index) + " (" + (1930 + index % 90) + ")";
          };
      String genres =
          index == 3 ? "(no genres listed)" : index % 2 == 0 ? "Comedy|Drama|Romance" : "Sci-Fi";
      movies.add(movieId(index) + "," + csvField(title) + "," + genres);
    }
    return movies;
  }

  private static List<String> tags(List<Row> rows) {
    List<String> tags = new ArrayList<>(List.of("userId,movieId,tag,timestamp"));
    for (Row row : rows) {
      if (row.rating() == 5.0 && tags.size() <= 120) {
        String tag = tags.size() % 3 == 0 ? "funny, but sad" : "Oscar (Best Picture)";
        tags.add(
            userId(row.user())
                + ","
                + movieId(row.item())
                + ","
                + csvField(tag)
                + ","
                + (row.epochSeconds() + 60));
      }
    }
    return tags;
  }

  private static List<String> links() {
    List<String> links = new ArrayList<>(List.of("movieId,imdbId,tmdbId"));
    for (int index = 0; index < PlantedRatings.ITEMS; index++) {
      String tmdb = index % 50 == 7 ? "" : Integer.toString(800 + index * 3);
      links.add(
          movieId(index) + "," + String.format(Locale.ROOT, "%07d", 114_709 + index) + "," + tmdb);
    }
    return links;
  }

  /** RFC 4180 quoting, as the releases write titles and tags with commas or quotes. */
  private static String csvField(String text) {
    return text.contains(",") || text.contains("\"")
        ? "\"" + text.replace("\"", "\"\"") + "\""
        : text;
  }

  private static String userId(int index) {
    return Integer.toString(index + 1);
  }

  /** Sparse ids up to six digits, as in the CSV releases (ml-32m's run past 290,000). */
  private static String movieId(int index) {
    return Integer.toString(index < 120 ? index + 1 : 100_000 + index * 977);
  }

  private static void write(Path dir, String name, List<String> lines) throws IOException {
    Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
  }
}
