package io.recopipe.pipeline.conformance;

import io.recopipe.pipeline.conformance.PlantedRatings.Row;
import io.recopipe.pipeline.conformance.PlantedRatings.Scale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes planted ratings in the MovieLens 100K layout and finds the real release, so the suite
 * checks the oldest, most-cited release both as GroupLens ships it and at a tiny size.
 *
 * <p>Layout per the release's README (files.grouplens.org/datasets/movielens/ml-100k-README.txt):
 * {@code u.data} is tab-separated {@code user id | item id | rating | timestamp} in no order,
 * {@code u.item} is {@code |}-separated Latin-1 {@code movie id | movie title | release date |
 * video release date | IMDb URL} plus 19 genre flags named by {@code u.genre}, {@code u.user} is
 * {@code user id | age | gender | occupation | zip code}; {@code u1..u5.base/test} are the 80/20
 * folds with disjoint test sets and {@code ua/ub} hold exactly 10 ratings per user out.
 */
final class MovieLens100kFixture {
  static final String TOP_FOLDER = "ml-100k";
  static final List<String> GENRES =
      List.of(
          "unknown",
          "Action",
          "Adventure",
          "Animation",
          "Children's",
          "Comedy",
          "Crime",
          "Documentary",
          "Drama",
          "Fantasy",
          "Film-Noir",
          "Horror",
          "Musical",
          "Mystery",
          "Romance",
          "Sci-Fi",
          "Thriller",
          "War",
          "Western");
  private static final List<String> OCCUPATIONS =
      List.of(
          "administrator",
          "artist",
          "doctor",
          "educator",
          "engineer",
          "entertainment",
          "executive",
          "healthcare",
          "homemaker",
          "lawyer",
          "librarian",
          "marketing",
          "none",
          "other",
          "programmer",
          "retired",
          "salesman",
          "scientist",
          "student",
          "technician",
          "writer");

  /** A Latin-1 title as the real u.item writes it (item 543 there). */
  static final String ACCENTED_TITLE = "Misérables, Les (1995)";

  private MovieLens100kFixture() {}

  /** Writes the synthetic release into {@code dir}. */
  static Fixture write(Path dir) throws IOException {
    PlantedRatings planted = PlantedRatings.generate(Scale.WHOLE_STARS, 100);
    Files.createDirectories(dir);
    List<Row> rows = new ArrayList<>(planted.rows());
    Collections.shuffle(rows, new Random(100));
    lines(dir.resolve("u.data"), rows.stream().map(MovieLens100kFixture::line));
    writeFolds(dir, planted.rows());
    writeCatalogs(dir);
    Files.writeString(dir.resolve("README"), "Planted ratings in the MovieLens 100K layout.\n");
    Files.writeString(
        dir.resolve("u.info"),
        PlantedRatings.USERS
            + " users\n"
            + PlantedRatings.ITEMS
            + " items\n"
            + rows.size()
            + " ratings\n");
    return Fixture.of(
        dir,
        List.of(),
        planted,
        MovieLens100kFixture::id,
        MovieLens100kFixture::id,
        true,
        Map.of("1", ACCENTED_TITLE));
  }

  /** The real release from {@code $ML100K_DIR} or a {@code shared/data/ml-100k} above here. */
  static Optional<Path> realDirectory() {
    String env = System.getenv("ML100K_DIR");
    if (env != null && !env.isBlank()) {
      return Optional.of(Path.of(env)).filter(dir -> Files.isRegularFile(dir.resolve("u.data")));
    }
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      Path candidate = at.resolve("shared/data/ml-100k");
      if (Files.isRegularFile(candidate.resolve("u.data"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** What the real release must serve: its own items, user 1, ratings 1..5, its titles. */
  static Fixture real(Path dir) throws IOException {
    List<String[]> fields;
    try (Stream<String> lines = Files.lines(dir.resolve("u.data"), StandardCharsets.ISO_8859_1)) {
      fields = lines.map(line -> line.split("\t")).toList();
    }
    Set<String> items = fields.stream().map(f -> f[1]).collect(Collectors.toUnmodifiableSet());
    long latest = fields.stream().mapToLong(f -> Long.parseLong(f[3])).max().orElseThrow();
    return new Fixture(
        dir,
        List.of(),
        fields.size(),
        items,
        "1",
        true,
        1,
        5,
        latest,
        Map.of("543", ACCENTED_TITLE));
  }

  private static String id(int index) {
    return Integer.toString(index + 1);
  }

  private static String line(Row row) {
    return id(row.user())
        + "\t"
        + id(row.item())
        + "\t"
        + PlantedRatings.plain(row.rating())
        + "\t"
        + row.epochSeconds();
  }

  /** u1..u5: five disjoint fifths as test sets; ua/ub: ten ratings per user held out. */
  private static void writeFolds(Path dir, List<Row> rows) throws IOException {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingInt(Row::user).thenComparingInt(Row::item));
    List<Row> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, new Random(5));
    for (int fold = 0; fold < 5; fold++) {
      Set<Row> test =
          Set.copyOf(shuffled.subList(fold * rows.size() / 5, (fold + 1) * rows.size() / 5));
      split(dir, "u" + (fold + 1), sorted, test);
    }
    for (String name : List.of("ua", "ub")) {
      Map<Integer, List<Row>> byUser = sorted.stream().collect(Collectors.groupingBy(Row::user));
      Random random = new Random(name.hashCode());
      Set<Row> test =
          byUser.values().stream()
              .flatMap(
                  own -> {
                    List<Row> mine = new ArrayList<>(own);
                    Collections.shuffle(mine, random);
                    return mine.subList(0, 10).stream();
                  })
              .collect(Collectors.toSet());
      split(dir, name, sorted, test);
    }
  }

  private static void split(Path dir, String name, List<Row> sorted, Set<Row> test)
      throws IOException {
    lines(
        dir.resolve(name + ".base"),
        sorted.stream().filter(r -> !test.contains(r)).map(MovieLens100kFixture::line));
    lines(
        dir.resolve(name + ".test"),
        sorted.stream().filter(test::contains).map(MovieLens100kFixture::line));
  }

  private static void writeCatalogs(Path dir) throws IOException {
    List<String> items = new ArrayList<>();
    for (int index = 0; index < PlantedRatings.ITEMS; index++) {
      String title =
          index == 0
              ? ACCENTED_TITLE
              : index == 1
                  ? "unknown"
                  : "Planted Picture " + (index + 1) + " (" + (1930 + index % 68) + ")";
      String date = index == 1 ? "" : "01-Jan-" + (1930 + index % 68);
      StringBuilder line =
          new StringBuilder(id(index))
              .append('|')
              .append(title)
              .append('|')
              .append(date)
              .append("||");
      line.append(index == 1 ? "" : "http://us.imdb.com/M/title-exact?Planted%20" + index);
      for (int genre = 0; genre < GENRES.size(); genre++) {
        boolean flagged = index == 1 ? genre == 0 : genre == 1 + index % 18 || genre == 8;
        line.append('|').append(flagged ? '1' : '0');
      }
      items.add(line.toString());
    }
    Files.write(dir.resolve("u.item"), items, StandardCharsets.ISO_8859_1);
    StringBuilder genres = new StringBuilder();
    for (int genre = 0; genre < GENRES.size(); genre++) {
      genres.append(GENRES.get(genre)).append('|').append(genre).append('\n');
    }
    Files.writeString(dir.resolve("u.genre"), genres + "\n", StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("u.occupation"), OCCUPATIONS, StandardCharsets.ISO_8859_1);
    List<String> users = new ArrayList<>();
    for (int index = 0; index < PlantedRatings.USERS; index++) {
      String zip =
          index == 3 ? "T8H1N" : String.format(Locale.ROOT, "%05d", (index * 7919) % 100_000);
      users.add(
          id(index)
              + "|"
              + (18 + index % 50)
              + "|"
              + (index % 3 == 0 ? "F" : "M")
              + "|"
              + OCCUPATIONS.get(index % OCCUPATIONS.size())
              + "|"
              + zip);
    }
    Files.write(dir.resolve("u.user"), users, StandardCharsets.ISO_8859_1);
  }

  private static void lines(Path file, Stream<String> lines) throws IOException {
    Files.write(file, lines.toList(), StandardCharsets.ISO_8859_1);
  }
}
