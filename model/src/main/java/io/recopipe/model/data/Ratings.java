package io.recopipe.model.data;

import io.recopipe.model.error.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A compact columnar store of (user, item, rating, timestamp) rows with id dictionaries, so that 20
 * million ratings take 20 bytes each instead of hundreds as objects; ALS reads it through the
 * by-user and by-item {@link CsrView}s.
 */
public final class Ratings {
  private final IdDictionary users;
  private final IdDictionary items;
  private final int[] userOf;
  private final int[] itemOf;
  private final float[] ratingOf;
  private final long[] timestampOf;
  private final int size;
  private volatile CsrView byUser;
  private volatile CsrView byItem;
  private volatile String fingerprint;

  Ratings(
      IdDictionary users,
      IdDictionary items,
      int[] userOf,
      int[] itemOf,
      float[] ratingOf,
      long[] timestampOf,
      int size) {
    this.users = users;
    this.items = items;
    this.userOf = userOf;
    this.itemOf = itemOf;
    this.ratingOf = ratingOf;
    this.timestampOf = timestampOf;
    this.size = size;
  }

  /**
   * A store over the given columns, which it takes over (callers must not change them): for
   * producers that fill whole columns at once, in parallel, without a {@link RatingsBuilder}'s
   * growing and final copy. Every row's user and item index must be in its dictionary.
   *
   * @throws InvalidInputException when the columns differ in length or an index is out of range
   */
  public static Ratings of(
      IdDictionary users,
      IdDictionary items,
      int[] userOf,
      int[] itemOf,
      float[] ratingOf,
      long[] timestampOf) {
    int size = userOf.length;
    if (itemOf.length != size || ratingOf.length != size || timestampOf.length != size) {
      throw new InvalidInputException(
          "columns of different lengths: "
              + size
              + ", "
              + itemOf.length
              + ", "
              + ratingOf.length
              + ", "
              + timestampOf.length);
    }
    int userCount = users.size();
    int itemCount = items.size();
    for (int n = 0; n < size; n++) {
      if (userOf[n] < 0 || userOf[n] >= userCount || itemOf[n] < 0 || itemOf[n] >= itemCount) {
        throw new InvalidInputException("row " + n + ": user or item index out of range");
      }
    }
    return new Ratings(users, items, userOf, itemOf, ratingOf, timestampOf, size);
  }

  /** Returns how many ratings there are. */
  public int size() {
    return size;
  }

  /** Returns the user dictionary. */
  public IdDictionary users() {
    return users;
  }

  /** Returns the item dictionary. */
  public IdDictionary items() {
    return items;
  }

  /** Returns the user index of row {@code n}. */
  public int user(int n) {
    return userOf[n];
  }

  /** Returns the item index of row {@code n}. */
  public int item(int n) {
    return itemOf[n];
  }

  /** Returns the rating of row {@code n}. */
  public float rating(int n) {
    return ratingOf[n];
  }

  /** Returns the timestamp (seconds since the epoch, 0 when unknown) of row {@code n}. */
  public long timestamp(int n) {
    return timestampOf[n];
  }

  /** Returns the mean rating, the model's global intercept; 0 when empty. */
  public double mean() {
    double sum = 0;
    for (int n = 0; n < size; n++) {
      sum += ratingOf[n];
    }
    return size == 0 ? 0 : sum / size;
  }

  /** Returns the ratings grouped by user, items ascending within a user. */
  public CsrView byUser() {
    CsrView view = byUser;
    if (view == null) {
      view = CsrView.build(users.size(), userOf, itemOf, ratingOf, size);
      byUser = view;
    }
    return view;
  }

  /** Returns the ratings grouped by item, users ascending within an item. */
  public CsrView byItem() {
    CsrView view = byItem;
    if (view == null) {
      view = CsrView.build(items.size(), itemOf, userOf, ratingOf, size);
      byItem = view;
    }
    return view;
  }

  /**
   * Returns a SHA-256 over the ids, user/item/rating columns in row order: the data fingerprint
   * that provenance records, equal for equal data read in the same order.
   */
  public String fingerprint() {
    String cached = fingerprint;
    if (cached != null) {
      return cached;
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String id : users.ids()) {
        digest.update(id.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      digest.update((byte) 1);
      for (String id : items.ids()) {
        digest.update(id.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      ByteBuffer buffer = ByteBuffer.allocate(12 * 4096).order(ByteOrder.LITTLE_ENDIAN);
      for (int n = 0; n < size; n++) {
        if (buffer.remaining() < 12) {
          digest.update(buffer.array(), 0, buffer.position());
          buffer.clear();
        }
        buffer.putInt(userOf[n]).putInt(itemOf[n]).putFloat(ratingOf[n]);
      }
      digest.update(buffer.array(), 0, buffer.position());
      cached = "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
    fingerprint = cached;
    return cached;
  }

  /**
   * Returns the given rows as a new store whose dictionaries hold only the ids those rows use, in
   * their original order; used to cut train and test sets out of one data set.
   */
  public Ratings select(int[] rows) {
    RatingsBuilder builder = new RatingsBuilder(rows.length);
    int[] userMap = remap(users.size(), rows, userOf, builder.users(), users);
    int[] itemMap = remap(items.size(), rows, itemOf, builder.items(), items);
    for (int row : rows) {
      builder.addIndexed(
          userMap[userOf[row]], itemMap[itemOf[row]], ratingOf[row], timestampOf[row]);
    }
    return builder.buildWithoutDuplicateCheck();
  }

  private static int[] remap(
      int count, int[] rows, int[] indexOf, IdDictionary target, IdDictionary source) {
    boolean[] used = new boolean[count];
    for (int row : rows) {
      used[indexOf[row]] = true;
    }
    int[] map = new int[count];
    for (int old = 0; old < count; old++) {
      map[old] = used[old] ? target.intern(source.id(old)) : -1;
    }
    return map;
  }

  @Override
  public String toString() {
    return "Ratings[" + size + " ratings, " + users.size() + " users, " + items.size() + " items]";
  }
}
