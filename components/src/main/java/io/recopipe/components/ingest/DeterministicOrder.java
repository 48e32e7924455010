package io.recopipe.components.ingest;

import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.Ratings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Puts ratings in the dataset layout's order (user id, then item id, by {@link IdOrder}) whatever
 * order the source had, so the same data always yields the same bytes and hashes: one counting sort
 * by user (skipped when the source is grouped by user already, as MovieLens files and presets are)
 * and a sort of each user's few items keep 20 million rows fast.
 */
final class DeterministicOrder {
  /** Rows per block of the parallel within-user sort. */
  private static final int BLOCK_ROWS = 1 << 16;

  private DeterministicOrder() {}

  /** The ratings sorted by user id then item id. */
  static Ratings sort(Ratings ratings) {
    int[] userRank = IdOrder.ranks(ratings.users().ids());
    int[] itemRank = IdOrder.ranks(ratings.items().ids());
    int[] rows = byUser(ratings, userRank);
    sortWithinUsers(ratings, rows, itemRank);
    return inRowOrder(ratings, rows);
  }

  /**
   * The rows stably ordered by user rank: as they are when the source is already grouped that way
   * (every MovieLens file and every preset), else by one counting sort.
   */
  private static int[] byUser(Ratings ratings, int[] userRank) {
    int size = ratings.size();
    int[] rows = new int[size];
    boolean grouped = true;
    for (int n = 0, previous = -1; n < size; n++) {
      rows[n] = n;
      int rank = userRank[ratings.user(n)];
      grouped &= rank >= previous;
      previous = rank;
    }
    if (grouped) {
      return rows;
    }
    int[] userKey = new int[size];
    for (int n = 0; n < size; n++) {
      userKey[n] = userRank[ratings.user(n)];
    }
    return countingSort(rows, userKey, userRank.length);
  }

  /**
   * Sorts each user's run of {@code rows} by item rank, ties (none after duplicate resolution) by
   * row, so the result is what a stable sort by (user, item) gives; the runs are independent, so
   * blocks of users sort on all cores.
   */
  private static void sortWithinUsers(Ratings ratings, int[] rows, int[] itemRank) {
    int[] blockStarts = userAlignedBlocks(ratings, rows);
    IntStream.range(0, blockStarts.length - 1)
        .parallel()
        .forEach(
            block -> sortRuns(ratings, rows, itemRank, blockStarts[block], blockStarts[block + 1]));
  }

  /**
   * Boundaries of about {@value #BLOCK_ROWS}-row blocks of {@code rows} that never cut a user's
   * run, first 0 and last {@code rows.length}.
   */
  private static int[] userAlignedBlocks(Ratings ratings, int[] rows) {
    IntStream.Builder starts = IntStream.builder().add(0);
    int start = 0;
    while (start < rows.length) {
      int end = Math.min(rows.length, start + BLOCK_ROWS);
      while (end < rows.length && ratings.user(rows[end]) == ratings.user(rows[end - 1])) {
        end++;
      }
      starts.add(end);
      start = end;
    }
    return starts.build().toArray();
  }

  /** Sorts the user runs in {@code rows[from..to)} by item rank. */
  private static void sortRuns(Ratings ratings, int[] rows, int[] itemRank, int from, int to) {
    long[] keys = new long[16];
    for (int start = from; start < to; ) {
      int user = ratings.user(rows[start]);
      int end = start + 1;
      boolean ordered = true;
      while (end < to && ratings.user(rows[end]) == user) {
        ordered &= itemRank[ratings.item(rows[end - 1])] <= itemRank[ratings.item(rows[end])];
        end++;
      }
      if (!ordered) {
        int length = end - start;
        if (keys.length < length) {
          keys = new long[Math.max(length, keys.length * 2)];
        }
        for (int n = 0; n < length; n++) {
          int row = rows[start + n];
          keys[n] = (long) itemRank[ratings.item(row)] << 32 | row;
        }
        Arrays.sort(keys, 0, length);
        for (int n = 0; n < length; n++) {
          rows[start + n] = (int) keys[n];
        }
      }
      start = end;
    }
  }

  /**
   * {@code rows} of {@code ratings} as a store whose dictionaries list ids in order of first
   * appearance, as reading the written file back interns them, so that the data fingerprint
   * schema.json records is the one any later step computes from the file: {@code ratings} itself
   * when it is that already (a preset is), else new columns filled in parallel blocks.
   */
  private static Ratings inRowOrder(Ratings ratings, int[] rows) {
    int size = rows.length;
    int[] userMap = unmapped(ratings.users().size());
    int[] itemMap = unmapped(ratings.items().size());
    List<String> userIds = new ArrayList<>(ratings.users().size());
    List<String> itemIds = new ArrayList<>(ratings.items().size());
    boolean unchanged = true;
    for (int n = 0; n < size; n++) {
      int row = rows[n];
      int user = ratings.user(row);
      int item = ratings.item(row);
      if (userMap[user] < 0) {
        userMap[user] = userIds.size();
        userIds.add(ratings.users().id(user));
        unchanged &= userMap[user] == user;
      }
      if (itemMap[item] < 0) {
        itemMap[item] = itemIds.size();
        itemIds.add(ratings.items().id(item));
        unchanged &= itemMap[item] == item;
      }
      unchanged &= row == n;
    }
    if (unchanged
        && userIds.size() == ratings.users().size()
        && itemIds.size() == ratings.items().size()) {
      return ratings;
    }
    int[] userOf = new int[size];
    int[] itemOf = new int[size];
    float[] ratingOf = new float[size];
    long[] timestampOf = new long[size];
    IntStream.range(0, (size + BLOCK_ROWS - 1) / BLOCK_ROWS)
        .parallel()
        .forEach(
            block -> {
              for (int n = block * BLOCK_ROWS, end = Math.min(size, n + BLOCK_ROWS); n < end; n++) {
                int row = rows[n];
                userOf[n] = userMap[ratings.user(row)];
                itemOf[n] = itemMap[ratings.item(row)];
                ratingOf[n] = ratings.rating(row);
                timestampOf[n] = ratings.timestamp(row);
              }
            });
    return Ratings.of(
        IdDictionary.of(userIds), IdDictionary.of(itemIds), userOf, itemOf, ratingOf, timestampOf);
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
