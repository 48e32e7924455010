package io.recopipe.components.readers;

import java.util.List;

/** The documented MovieLens ratings layouts, kept in one place so readers and sniffing agree. */
final class MovieLensLayouts {
  /** {@code u.data} and the {@code u1.base} … split files of MovieLens 100K. */
  static final RatingsLayout U_DATA =
      new RatingsLayout(
          "\t",
          List.of("user", "item", "rating", "timestamp"),
          RatingColumns.MOVIELENS,
          true,
          false,
          RatingScale.ONE_TO_FIVE);

  /** {@code ratings.csv} of MovieLens 20M, 25M and latest (after its header). */
  static final RatingsLayout RATINGS_CSV =
      new RatingsLayout(
          ",",
          List.of("userId", "movieId", "rating", "timestamp"),
          RatingColumns.MOVIELENS,
          true,
          false,
          RatingScale.HALF_TO_FIVE);

  /** The header line of {@code ratings.csv}. */
  static final String RATINGS_CSV_HEADER = "userId,movieId,rating,timestamp";

  private MovieLensLayouts() {}

  /** {@code ratings.dat}: whole stars for 1M, half stars for 10M. */
  static RatingsLayout ratingsDat(RatingScale scale) {
    return new RatingsLayout(
        "::",
        List.of("UserID", "MovieID", "Rating", "Timestamp"),
        RatingColumns.MOVIELENS,
        true,
        false,
        scale);
  }

  /** Whether {@code fileName} is {@code u.data} or a 100K split file (u1.base, ua.test…). */
  static boolean isHundredKRatingsFile(String fileName) {
    if (fileName.equals("u.data")) {
      return true;
    }
    boolean split = fileName.endsWith(".base") || fileName.endsWith(".test");
    return split && fileName.length() == 7 && fileName.charAt(0) == 'u';
  }
}
