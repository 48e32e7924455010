package io.recopipe.components.ingest;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.data.RatingsBuilder;
import java.util.Arrays;

/**
 * Puts ratings in the dataset layout's order (user id, then item id, by {@link IdOrder}) whatever
 * order the source had, so the same data always yields the same bytes and hashes; two stable
 * counting sorts make it linear even for 20 million rows.
 */
final class DeterministicOrder {
  private DeterministicOrder() {
  }

  /** The ratings sorted by user id then item id. */
  static Ratings sort(Ratings ratings) {
    int size = ratings.size();
    int[] userRank = IdOrder.ranks(ratings.users().ids());
    int[] itemRank = IdOrder.ranks(ratings.items().ids());
    int[] rows = new int[size];
    for (int n = 0; n < size; n++) {
      rows[n] = n;
    }
    int[] itemKey = new int[size];
    int[] userKey = new int[size];
    for (int n = 0; n < size; n++) {
      itemKey[n] = itemRank[ratings.item(n)];
      userKey[n] = userRank[ratings.user(n)];
    }
    rows = countingSort(rows, itemKey, itemRank.length);
    rows = countingSort(rows, userKey, userRank.length);
    return inRowOrder(ratings, rows);
  }

  /**
   * {@code rows} of {@code ratings} as a new store whose dictionaries list ids in order of first
   * appearance, as reading the written file back interns them, so that the data fingerprint
   * schema.json records is the one any later step computes from the file.
   */
  private static Ratings inRowOrder(Ratings ratings, int[] rows) {
    RatingsBuilder builder = new RatingsBuilder(rows.length);
    int[] userMap = unmapped(ratings.users().size());
    int[] itemMap = unmapped(ratings.items().size());
    for (int row : rows) {
      int user = ratings.user(row);
      int item = ratings.item(row);
      if (userMap[user] < 0) {
        userMap[user] = builder.users().intern(ratings.users().id(user));
      }
      if (itemMap[item] < 0) {
        itemMap[item] = builder.items().intern(ratings.items().id(item));
      }
      builder.addIndexed(userMap[user], itemMap[item], ratings.rating(row),
          ratings.timestamp(row));
    }
    return builder.buildWithoutDuplicateCheck();
  }

  private static int[] unmapped(int size) {
    int[] map = new int[size];
    Arrays.fill(map, -1);
    return map;
  }

  /** Stably reorders {@code rows} by {@code key[row]} in {@code 0..keys-1}. */
  private static int[] countingSort(int[] rows, int[] key, int keys) {
    int[] start = new int[keys + 1];
    for (int row : rows) {
      start[key[row] + 1]++;
    }
    for (int k = 0; k < keys; k++) {
      start[k + 1] += start[k];
    }
    int[] sorted = new int[rows.length];
    for (int row : rows) {
      sorted[start[key[row]]++] = row;
    }
    return sorted;
  }
}
