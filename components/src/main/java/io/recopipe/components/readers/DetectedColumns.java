package io.recopipe.components.readers;

/**
 * Where a file's user, item, rating and (optional) timestamp columns are, and the one notice line
 * saying which were found by name, so the user sees what the pipeline assumed.
 *
 * @param user the 0-based position of the user column
 * @param item the item column
 * @param rating the rating column
 * @param timestamp the timestamp column, or -1 when there is none
 * @param notice e.g. {@code columns detected in r.csv: user_id=userId, …}, or null when every
 *     column was given explicitly
 */
public record DetectedColumns(int user, int item, int rating, int timestamp, String notice) {
  /** The position of {@code role}, or -1. */
  public int position(ColumnRole role) {
    return switch (role) {
      case USER -> user;
      case ITEM -> item;
      case RATING -> rating;
      case TIMESTAMP -> timestamp;
    };
  }

  RatingColumns ratingColumns() {
    return new RatingColumns(user, item, rating, timestamp);
  }
}
