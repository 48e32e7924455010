package io.recopipe.components.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the MovieLens 100K catalogs: {@code u.item} (with genre names from {@code u.genre}) and
 * {@code u.user}, all {@code |}-separated Latin-1, so titles such as "Café" decode correctly.
 */
final class MovieLens100kCatalogs {
  /** The 19 genres of {@code u.genre}, used when that file is absent. */
  static final List<String> STANDARD_GENRES =
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

  private static final String ITEM_FIELDS =
      "movie id|title|release date|video release date|IMDb URL|";
  private static final CatalogLayout USER_LAYOUT =
      new CatalogLayout("|", 5, "user id|age|gender|occupation|zip code", false, null);

  private MovieLens100kCatalogs() {}

  /** Reads {@code u.item}; the flag columns are named by {@code genreFile} when given. */
  static Catalog<Movie> readItems(TextSource itemFile, Optional<TextSource> genreFile)
      throws IOException {
    List<String> genres = genreFile.isPresent() ? readGenres(genreFile.get()) : STANDARD_GENRES;
    CatalogLayout layout =
        new CatalogLayout(
            "|", 5 + genres.size(), ITEM_FIELDS + genres.size() + " genre flags", false, null);
    return CatalogFileReader.read(
        itemFile,
        StandardCharsets.ISO_8859_1,
        layout,
        (fields, cursor) -> movie(fields, cursor, genres),
        Movie::id);
  }

  private static Movie movie(Fields fields, LineCursor cursor, List<String> genres) {
    String id = CatalogFileReader.integerId(fields, 0, "movie id", cursor);
    List<String> flagged = new ArrayList<>(3);
    for (int g = 0; g < genres.size(); g++) {
      String flag = fields.get(5 + g).strip();
      if (flag.equals("1")) {
        flagged.add(genres.get(g));
      } else if (!flag.equals("0")) {
        throw cursor.fail(
            "expected genre flag 0 or 1 for "
                + genres.get(g)
                + " (field "
                + (6 + g)
                + "), found "
                + fields.quoted(5 + g));
      }
    }
    return new Movie(id, fields.get(1), flagged, fields.get(2), fields.get(4));
  }

  /** Reads {@code u.genre}: {@code name|index} lines, indexes 0, 1, 2 … in order. */
  static List<String> readGenres(TextSource genreFile) throws IOException {
    CatalogLayout layout = new CatalogLayout("|", 2, "genre|index", false, null);
    Catalog<String[]> rows =
        CatalogFileReader.read(
            genreFile,
            StandardCharsets.ISO_8859_1,
            layout,
            (fields, cursor) -> {
              int index =
                  Numbers.parseNonNegativeInt(fields.text(), fields.start(1), fields.end(1));
              if (index != cursor.lineNumber() - 1) {
                throw cursor.fail(
                    "expected genre index "
                        + (cursor.lineNumber() - 1)
                        + ", found "
                        + fields.quoted(1));
              }
              return new String[] {Integer.toString(index), fields.get(0)};
            },
            row -> row[0]);
    List<String> names = new ArrayList<>();
    for (String[] row : rows.entries()) {
      names.add(row[1]);
    }
    return names;
  }

  /** Reads {@code u.user}: user id|age|gender|occupation|zip code. */
  static Catalog<User> readUsers(TextSource userFile) throws IOException {
    return CatalogFileReader.read(
        userFile,
        StandardCharsets.ISO_8859_1,
        USER_LAYOUT,
        (fields, cursor) -> {
          String id = CatalogFileReader.integerId(fields, 0, "user id", cursor);
          int age = Numbers.parseNonNegativeInt(fields.text(), fields.start(1), fields.end(1));
          if (age < 0) {
            throw cursor.fail("expected an integer age, found " + fields.quoted(1));
          }
          return new User(id, age, fields.get(2), fields.get(3), fields.get(4));
        },
        User::id);
  }
}
