package io.recopipe.components.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads MovieLens 100K ({@code u.data} plus the {@code u.item}/{@code u.user} catalogs when
 * present), the small release every recommender paper reports on.
 */
final class MovieLens100kReader {
  private MovieLens100kReader() {}

  static Dataset read(DataRoot root, BadRows badRows) throws IOException {
    TextSource data =
        root.find("u.data")
            .orElseThrow(
                () -> new DataFormatException(root.name(), "expected u.data, found no such file"));
    RatingsReadResult ratings = readRatings(data, badRows);
    Catalog<Movie> movies =
        root.find("u.item").isPresent()
            ? MovieLens100kCatalogs.readItems(root.find("u.item").get(), root.find("u.genre"))
            : null;
    Catalog<User> users =
        root.find("u.user").isPresent()
            ? MovieLens100kCatalogs.readUsers(root.find("u.user").get())
            : null;
    ReaderReport report = ReaderReport.of(DatasetFormat.MOVIELENS_100K, root.name(), ratings);
    return new Dataset(ratings.ratings(), movies, users, report, ReadNotes.of(ratings));
  }

  /** Reads a tab-separated {@code user item rating timestamp} file (u.data, u1.base, …). */
  static RatingsReadResult readRatings(TextSource source, BadRows badRows) throws IOException {
    try (LineCursor cursor = LineCursor.open(source, StandardCharsets.ISO_8859_1)) {
      return RatingsFileReader.read(cursor, MovieLensLayouts.U_DATA, source.sizeHint(), badRows);
    }
  }
}
