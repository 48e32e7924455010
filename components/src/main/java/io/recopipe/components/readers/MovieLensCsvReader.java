package io.recopipe.components.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads MovieLens 20M, 25M, 32M and latest ({@code ratings.csv} and {@code movies.csv}, UTF-8 with
 * headers, half-star ratings), the releases current tooling and tutorials use; a {@code
 * ratings.csv} with another header is read as a generic delimited file.
 */
final class MovieLensCsvReader {
  private static final CatalogLayout MOVIES =
      new CatalogLayout(",", 3, "movieId,title,genres", true, "movieId,title,genres");

  private MovieLensCsvReader() {}

  static Dataset read(DataRoot root, BadRows badRows) throws IOException {
    TextSource data =
        root.find("ratings.csv")
            .orElseThrow(
                () ->
                    new DataFormatException(
                        root.name(), "expected ratings.csv, found no such file"));
    String first = SingleFileReader.firstLine(data);
    if (!first.isEmpty() && !first.strip().equals(MovieLensLayouts.RATINGS_CSV_HEADER)) {
      // a ratings.csv from elsewhere (Goodbooks, a warehouse export): columns found by name
      return DelimitedReader.read(data, SingleFileReader.guessOptions(first), badRows);
    }
    RatingsReadResult ratings = readRatings(data, badRows);
    Catalog<Movie> movies =
        root.find("movies.csv").isPresent() ? readMovies(root.find("movies.csv").get()) : null;
    ReaderReport report = ReaderReport.of(DatasetFormat.MOVIELENS_CSV, root.name(), ratings);
    return new Dataset(ratings.ratings(), movies, null, report, ReadNotes.of(ratings));
  }

  /** Reads {@code userId,movieId,rating,timestamp} after checking that header. */
  static RatingsReadResult readRatings(TextSource source, BadRows badRows) throws IOException {
    try (LineCursor cursor = LineCursor.open(source, StandardCharsets.UTF_8)) {
      CatalogFileReader.expectHeader(cursor, MovieLensLayouts.RATINGS_CSV_HEADER);
      return RatingsFileReader.read(
          cursor, MovieLensLayouts.RATINGS_CSV, source.sizeHint(), badRows);
    }
  }

  /** Reads {@code movieId,title,genres}; titles may be quoted with commas and doubled quotes. */
  static Catalog<Movie> readMovies(TextSource source) throws IOException {
    return CatalogFileReader.read(
        source,
        StandardCharsets.UTF_8,
        MOVIES,
        (fields, cursor) ->
            Movie.of(
                CatalogFileReader.integerId(fields, 0, "movieId", cursor),
                fields.get(1),
                Genres.split(fields.get(2))),
        Movie::id);
  }
}
