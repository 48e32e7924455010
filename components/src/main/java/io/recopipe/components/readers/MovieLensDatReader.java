package io.recopipe.components.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads MovieLens 1M and 10M ({@code ratings.dat}, {@code movies.dat}, {@code users.dat}, all
 * {@code ::}-separated Latin-1); the 1M release (which has {@code users.dat}) uses whole stars, 10M
 * half stars.
 */
final class MovieLensDatReader {
  private MovieLensDatReader() {}

  static Dataset read(DataRoot root, BadRows badRows) throws IOException {
    TextSource data =
        root.find("ratings.dat")
            .orElseThrow(
                () ->
                    new DataFormatException(
                        root.name(), "expected ratings.dat, found no such file"));
    boolean oneMillion = root.find("users.dat").isPresent();
    RatingsReadResult ratings = readRatings(data, scaleFor(oneMillion), badRows);
    Catalog<Movie> movies =
        root.find("movies.dat").isPresent()
            ? MovieLensDatCatalogs.readMovies(root.find("movies.dat").get())
            : null;
    Catalog<User> users =
        oneMillion ? MovieLensDatCatalogs.readUsers(root.find("users.dat").get()) : null;
    ReaderReport report = ReaderReport.of(DatasetFormat.MOVIELENS_DAT, root.name(), ratings);
    return new Dataset(ratings.ratings(), movies, users, report, ReadNotes.of(ratings));
  }

  /** 1M (which ships users.dat) has whole stars; 10M (which does not) has half stars. */
  static RatingScale scaleFor(boolean hasUsersFile) {
    return hasUsersFile ? RatingScale.ONE_TO_FIVE : RatingScale.HALF_TO_FIVE;
  }

  /** Reads a {@code UserID::MovieID::Rating::Timestamp} file. */
  static RatingsReadResult readRatings(TextSource source, RatingScale scale, BadRows badRows)
      throws IOException {
    try (LineCursor cursor = LineCursor.open(source, StandardCharsets.ISO_8859_1)) {
      return RatingsFileReader.read(
          cursor, MovieLensLayouts.ratingsDat(scale), source.sizeHint(), badRows);
    }
  }
}
