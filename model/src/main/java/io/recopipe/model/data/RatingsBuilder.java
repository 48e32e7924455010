package io.recopipe.model.data;

import java.util.Arrays;

/**
 * Accumulates rating rows into growable primitive columns and builds a {@link Ratings}; duplicate
 * (user, item) pairs keep the latest timestamp (the later row on a tie), as a re-rating replaces
 * the old one, and are counted so that readers can report them.
 */
public final class RatingsBuilder {
  private final IdDictionary users = new IdDictionary();
  private final IdDictionary items = new IdDictionary();
  private int[] userOf;
  private int[] itemOf;
  private float[] ratingOf;
  private long[] timestampOf;
  private int size;
  private int duplicatesResolved;

  /** Creates a builder with a small initial capacity. */
  public RatingsBuilder() {
    this(1024);
  }

  /** Creates a builder sized for about {@code expected} rows. */
  public RatingsBuilder(int expected) {
    int capacity = Math.max(16, expected);
    userOf = new int[capacity];
    itemOf = new int[capacity];
    ratingOf = new float[capacity];
    timestampOf = new long[capacity];
  }

  /** The user dictionary being filled (to pre-register ids for {@link #addIndexed}). */
  public IdDictionary users() {
    return users;
  }

  /** The item dictionary being filled. */
  public IdDictionary items() {
    return items;
  }

  /** Adds one rating by external ids. */
  public RatingsBuilder add(String user, String item, float rating, long timestamp) {
    return addIndexed(users.intern(user), items.intern(item), rating, timestamp);
  }

  /** Adds one rating by indexes already in this builder's dictionaries. */
  public RatingsBuilder addIndexed(int user, int item, float rating, long timestamp) {
    if (size == userOf.length) {
      int capacity = (int) Math.min(Integer.MAX_VALUE - 8, size * 3L / 2 + 16);
      userOf = Arrays.copyOf(userOf, capacity);
      itemOf = Arrays.copyOf(itemOf, capacity);
      ratingOf = Arrays.copyOf(ratingOf, capacity);
      timestampOf = Arrays.copyOf(timestampOf, capacity);
    }
    userOf[size] = user;
    itemOf[size] = item;
    ratingOf[size] = rating;
    timestampOf[size] = timestamp;
    size++;
    return this;
  }

  /** Returns how many rows were added so far (duplicates included). */
  public int size() {
    return size;
  }

  /** Returns how many duplicate rows the last {@link #build()} dropped. */
  public int duplicatesResolved() {
    return duplicatesResolved;
  }

  /** Builds the store, resolving duplicate (user, item) pairs. */
  public Ratings build() {
    boolean[] dropped = findDuplicates();
    if (duplicatesResolved == 0) {
      return buildWithoutDuplicateCheck();
    }
    int kept = 0;
    for (int n = 0; n < size; n++) {
      if (!dropped[n]) {
        userOf[kept] = userOf[n];
        itemOf[kept] = itemOf[n];
        ratingOf[kept] = ratingOf[n];
        timestampOf[kept] = timestampOf[n];
        kept++;
      }
    }
    size = kept;
    return buildWithoutDuplicateCheck();
  }

  /** Builds the store as is, for callers that produce no duplicates by construction. */
  public Ratings buildWithoutDuplicateCheck() {
    return new Ratings(
        users,
        items,
        Arrays.copyOf(userOf, size),
        Arrays.copyOf(itemOf, size),
        Arrays.copyOf(ratingOf, size),
        Arrays.copyOf(timestampOf, size),
        size);
  }

  private boolean[] findDuplicates() {
    duplicatesResolved = 0;
    int userCount = users.size();
    int[] offsets = new int[userCount + 1];
    for (int n = 0; n < size; n++) {
      offsets[userOf[n] + 1]++;
    }
    for (int u = 0; u < userCount; u++) {
      offsets[u + 1] += offsets[u];
    }
    int[] next = Arrays.copyOf(offsets, userCount);
    long[] keys = new long[size];
    for (int n = 0; n < size; n++) {
      keys[next[userOf[n]]++] = ((long) itemOf[n] << 32) | n;
    }
    boolean[] dropped = null;
    for (int u = 0; u < userCount; u++) {
      int from = offsets[u];
      int to = offsets[u + 1];
      Arrays.sort(keys, from, to);
      for (int n = from + 1; n < to; n++) {
        if ((keys[n] >>> 32) != (keys[n - 1] >>> 32)) {
          continue;
        }
        int previous = (int) keys[n - 1];
        int current = (int) keys[n];
        if (dropped == null) {
          dropped = new boolean[size];
        }
        // keys are sorted by row within an item, so current is the later row
        if (timestampOf[previous] > timestampOf[current]) {
          dropped[current] = true;
          keys[n] = keys[n - 1];
        } else {
          dropped[previous] = true;
        }
        duplicatesResolved++;
      }
    }
    return dropped;
  }
}
