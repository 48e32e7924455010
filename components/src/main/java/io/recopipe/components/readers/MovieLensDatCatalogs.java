package io.recopipe.components.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Parses the MovieLens 1M/10M catalogs {@code movies.dat} and {@code users.dat} (Latin-1, {@code
 * ::}-separated), translating 1M occupation codes into the names its README documents.
 */
final class MovieLensDatCatalogs {
  /** Occupation names by code, from the 1M README. */
  static final List<String> OCCUPATIONS =
      List.of(
          "other",
          "academic/educator",
          "artist",
          "clerical/admin",
          "college/grad student",
          "customer service",
          "doctor/health care",
          "executive/managerial",
          "farmer",
          "homemaker",
          "K-12 student",
          "lawyer",
          "programmer",
          "retired",
          "sales/marketing",
          "scientist",
          "self-employed",
          "technician/engineer",
          "tradesman/craftsman",
          "unemployed",
          "writer");

  private static final CatalogLayout MOVIES =
      new CatalogLayout("::", 3, "MovieID::Title::Genres", false, null);
  private static final CatalogLayout USERS =
      new CatalogLayout("::", 5, "UserID::Gender::Age::Occupation::Zip-code", false, null);

  private MovieLensDatCatalogs() {}

  static Catalog<Movie> readMovies(TextSource source) throws IOException {
    return CatalogFileReader.read(
        source,
        StandardCharsets.ISO_8859_1,
        MOVIES,
        (fields, cursor) ->
            Movie.of(
                CatalogFileReader.integerId(fields, 0, "MovieID", cursor),
                fields.get(1),
                Genres.split(fields.get(2))),
        Movie::id);
  }

  static Catalog<User> readUsers(TextSource source) throws IOException {
    return CatalogFileReader.read(
        source,
        StandardCharsets.ISO_8859_1,
        USERS,
        (fields, cursor) -> {
          String id = CatalogFileReader.integerId(fields, 0, "UserID", cursor);
          int age = Numbers.parseNonNegativeInt(fields.text(), fields.start(2), fields.end(2));
          if (age < 0) {
            throw cursor.fail("expected an integer Age code, found " + fields.quoted(2));
          }
          int occupation =
              Numbers.parseNonNegativeInt(fields.text(), fields.start(3), fields.end(3));
          if (occupation < 0 || occupation >= OCCUPATIONS.size()) {
            throw cursor.fail(
                "expected an Occupation code 0.."
                    + (OCCUPATIONS.size() - 1)
                    + ", found "
                    + fields.quoted(3));
          }
          return new User(id, age, fields.get(1), OCCUPATIONS.get(occupation), fields.get(4));
        },
        User::id);
  }
}
