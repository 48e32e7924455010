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
 * Writes planted ratings in the {@code ::}-separated layouts of MovieLens 1M and 10M, the two
 * releases between the 100K's tabs and the CSV era, which differ in scale (whole versus half stars)
 * and in whether {@code users.dat} exists.
 *
 * <p>1M, per files.grouplens.org/datasets/movielens/ml-1m-README.txt: {@code ml-1m/} holds {@code
 * ratings.dat} ({@code UserID::MovieID::Rating::Timestamp}, whole stars, ordered by user), {@code
 * movies.dat} ({@code MovieID::Title::Genres}, Latin-1, genres {@code |}-separated), {@code
 * users.dat} ({@code UserID::Gender::Age::Occupation::Zip-code}, age and occupation as codes) and
 * {@code README}. 10M, per files.grouplens.org/datasets/movielens/ml-10m-README.html: {@code
 * ml-10M100K/} holds {@code ratings.dat} in the same layout with half stars (0.5..5), {@code
 * movies.dat}, {@code tags.dat} ({@code UserID::MovieID::Tag::Timestamp}), the split scripts and
 * {@code README.html}; there is no {@code users.dat}.
 */
final class MovieLensDatFixtures {
  static final String ONE_M_FOLDER = "ml-1m";
  static final String TEN_M_FOLDER = "ml-10M100K";
  private static final int[] AGE_CODES = {1, 18, 25, 35, 45, 50, 56};

  /** The 100K release's genres without its "unknown": the .dat releases have 18. */
  private static final List<String> GENRES =
      MovieLens100kFixture.GENRES.subList(1, MovieLens100kFixture.GENRES.size());

  private static final String COLON_TITLE =
      "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb (1964)";

  private MovieLensDatFixtures() {}

  /** Writes MovieLens 1M's files into {@code dir}. */
  static Fixture writeOneMillion(Path dir) throws IOException {
    PlantedRatings planted = PlantedRatings.generate(Scale.WHOLE_STARS, 1_000);
    Files.createDirectories(dir);
    writeRatings(dir, planted);
    writeMovies(dir, MovieLens100kFixture.ACCENTED_TITLE);
    List<String> users = new ArrayList<>();
    for (int index = 0; index < PlantedRatings.USERS; index++) {
      String zip =
          index == 5
              ? "55117-1234"
              : String.format(Locale.ROOT, "%05d", (index * 7919 + 1000) % 100_000);
      users.add(
          userId(index)
              + "::"
              + (index % 3 == 0 ? "F" : "M")
              + "::"
              + AGE_CODES[index % AGE_CODES.length]
              + "::"
              + index % 21
              + "::"
              + zip);
    }
    Files.write(dir.resolve("users.dat"), users, StandardCharsets.ISO_8859_1);
    Files.writeString(dir.resolve("README"), "Planted ratings in the MovieLens 1M layout.\n");
    return Fixture.of(
        dir,
        List.of(),
        planted,
        MovieLensDatFixtures::userId,
        MovieLensDatFixtures::movieId,
        true,
        Map.of(movieId(0), MovieLens100kFixture.ACCENTED_TITLE, movieId(1), COLON_TITLE));
  }

  /** Writes MovieLens 10M's files (half stars, tags, no users.dat) into {@code dir}. */
  static Fixture writeTenMillion(Path dir) throws IOException {
    PlantedRatings planted = PlantedRatings.generate(Scale.HALF_STARS, 10_000);
    Files.createDirectories(dir);
    writeRatings(dir, planted);
    writeMovies(dir, "Toy Story (1995)");
    List<String> tags = new ArrayList<>();
    for (Row row : planted.rows()) {
      if (row.rating() >= 4.5 && tags.size() < 150) {
        tags.add(
            userId(row.user())
                + "::"
                + movieId(row.item())
                + "::"
                + (tags.size() % 2 == 0 ? "dark comedy" : "Tom Hanks")
                + "::"
                + (row.epochSeconds() + 30));
      }
    }
    Files.write(dir.resolve("tags.dat"), tags, StandardCharsets.ISO_8859_1);
    Files.writeString(
        dir.resolve("README.html"),
        "<html><body>Planted ratings in the MovieLens 10M layout.</body></html>\n");
    Files.writeString(dir.resolve("allbut.pl"), "#!/usr/bin/perl\n");
    Files.writeString(dir.resolve("split_ratings.sh"), "#!/bin/sh\n");
    return Fixture.of(
        dir,
        List.of(),
        planted,
        MovieLensDatFixtures::userId,
        MovieLensDatFixtures::movieId,
        true,
        Map.of(movieId(1), COLON_TITLE));
  }

  private static void writeRatings(Path dir, PlantedRatings planted) throws IOException {
    List<Row> rows = new ArrayList<>(planted.rows());
    rows.sort(Comparator.comparingInt(Row::user).thenComparingLong(Row::epochSeconds));
    Files.write(
        dir.resolve("ratings.dat"),
        rows.stream()
            .map(
                row ->
                    userId(row.user())
                        + "::"
                        + movieId(row.item())
                        + "::"
                        + PlantedRatings.plain(row.rating())
                        + "::"
                        + row.epochSeconds())
            .toList(),
        StandardCharsets.ISO_8859_1);
  }

  private static void writeMovies(Path dir, String firstTitle) throws IOException {
    List<String> movies = new ArrayList<>();
    for (int index = 0; index < PlantedRatings.ITEMS; index++) {
      String title =
          index == 0
              ? firstTitle
              : index == 1
                  ? COLON_TITLE
                  : "Planted Picture " + movieId(index) + " (" + (1930 + index % 70) + ")";
      String genres =
          GENRES.get(index % GENRES.size())
              + (index % 3 == 0 ? "|" + GENRES.get((index + 7) % GENRES.size()) : "");
      movies.add(movieId(index) + "::" + title + "::" + genres);
    }
    Files.write(dir.resolve("movies.dat"), movies, StandardCharsets.ISO_8859_1);
  }

  private static String userId(int index) {
    return Integer.toString(index + 1);
  }

  /** Sparse ids, as the releases' MovieIDs are (1M's run to 3952 for 3706 movies). */
  private static String movieId(int index) {
    return Integer.toString(index < 100 ? index + 1 : 100 + (index - 99) * 19);
  }
}
