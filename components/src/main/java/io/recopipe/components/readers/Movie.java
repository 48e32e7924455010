package io.recopipe.components.readers;

import java.util.List;
import java.util.OptionalInt;

/**
 * One catalog entry of a MovieLens movies file, kept beside the ratings so that recommendations can
 * be shown with titles and genres instead of bare ids.
 *
 * @param id the movie id as it appears in the ratings
 * @param title the title, usually ending with the year in parentheses
 * @param genres the genre names, possibly empty
 * @param releaseDate the release date as written (MovieLens 100K only), else empty
 * @param imdbUrl the IMDb link (MovieLens 100K only), else empty
 */
public record Movie(
    String id, String title, List<String> genres, String releaseDate, String imdbUrl) {

  /** Copies the genre list. */
  public Movie {
    genres = List.copyOf(genres);
  }

  /** A movie with only id, title and genres, as in the 1M and CSV releases. */
  public static Movie of(String id, String title, List<String> genres) {
    return new Movie(id, title, genres, "", "");
  }

  /** The year from a title ending like {@code (1995)}, when there is one. */
  public OptionalInt year() {
    String trimmed = title.strip();
    int open = trimmed.length() - 6;
    if (open >= 0 && trimmed.charAt(open) == '(' && trimmed.endsWith(")")) {
      int year = Numbers.parseNonNegativeInt(trimmed, open + 1, open + 5);
      if (year >= 1000) {
        return OptionalInt.of(year);
      }
    }
    return OptionalInt.empty();
  }
}
