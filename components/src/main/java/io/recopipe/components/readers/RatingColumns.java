package io.recopipe.components.readers;

import io.recopipe.model.error.InvalidInputException;

/**
 * The 0-based positions of the user, item, rating and (optional, -1) timestamp fields of a ratings
 * line, resolved once per file so the hot loop indexes fields directly.
 *
 * @param user the user id field
 * @param item the item id field
 * @param rating the rating field
 * @param timestamp the timestamp field, or -1 when the file has none
 */
record RatingColumns(int user, int item, int rating, int timestamp) {
  /** The MovieLens order: user, item, rating, timestamp. */
  static final RatingColumns MOVIELENS = new RatingColumns(0, 1, 2, 3);

  RatingColumns {
    if (user < 0
        || item < 0
        || rating < 0
        || user == item
        || user == rating
        || item == rating
        || timestamp >= 0 && (timestamp == user || timestamp == item || timestamp == rating)) {
      throw new InvalidInputException(
          "user, item, rating and timestamp need distinct columns,"
              + " got "
              + user
              + ", "
              + item
              + ", "
              + rating
              + ", "
              + timestamp);
    }
  }

  /** The highest position referenced; a line needs more fields than this. */
  int highest() {
    return Math.max(Math.max(user, item), Math.max(rating, timestamp));
  }

  /** Names the role of {@code field}: "user id", "item id", "rating", "timestamp" or null. */
  String roleOf(int field) {
    if (field == user) {
      return "user id";
    } else if (field == item) {
      return "item id";
    } else if (field == rating) {
      return "rating";
    } else if (field == timestamp) {
      return "timestamp";
    }
    return null;
  }
}
