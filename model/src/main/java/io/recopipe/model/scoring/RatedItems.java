package io.recopipe.model.scoring;

import io.recopipe.model.data.CsrView;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.mf.MfModel;

/**
 * The items each user already rated, in the model's index space, so recommendations can leave them
 * out (ML.RECOMMEND does not; most apps want it).
 */
public final class RatedItems {
  private static final int[] NONE = new int[0];
  private final int[][] byUser;

  private RatedItems(int[][] byUser) {
    this.byUser = byUser;
  }

  /** No exclusions. */
  public static RatedItems none() {
    return new RatedItems(new int[0][]);
  }

  /**
   * The rated items of {@code ratings}, mapped into {@code model}'s dictionaries by id (ratings
   * whose user or item the model does not know are skipped).
   */
  public static RatedItems of(Ratings ratings, MfModel model) {
    int[] userMap = new int[ratings.users().size()];
    for (int u = 0; u < userMap.length; u++) {
      userMap[u] = model.users().indexOf(ratings.users().id(u));
    }
    int[] itemMap = new int[ratings.items().size()];
    for (int i = 0; i < itemMap.length; i++) {
      itemMap[i] = model.items().indexOf(ratings.items().id(i));
    }
    CsrView view = ratings.byUser();
    int[][] byUser = new int[model.users().size()][];
    for (int u = 0; u < view.rowCount(); u++) {
      int target = userMap[u];
      if (target < 0) {
        continue;
      }
      int[] items = new int[view.count(u)];
      int n = 0;
      for (int e = view.start(u); e < view.end(u); e++) {
        int item = itemMap[view.column(e)];
        if (item >= 0) {
          items[n++] = item;
        }
      }
      items = java.util.Arrays.copyOf(items, n);
      java.util.Arrays.sort(items);
      byUser[target] = items;
    }
    return new RatedItems(byUser);
  }

  /**
   * Builds the lists from CSR arrays: user u's items are {@code items[offsets[u] .. offsets[u+1])}
   * (the arrays are copied).
   *
   * @throws IllegalArgumentException when offsets do not start at 0, decrease or overrun {@code
   *     items}, or a row is not strictly ascending or holds an index outside {@code [0, itemCount)}
   */
  public static RatedItems fromCsr(int[] offsets, int[] items, int itemCount) {
    if (offsets.length == 0 || offsets[0] != 0) {
      throw new IllegalArgumentException("CSR offsets must start with 0");
    }
    int users = offsets.length - 1;
    if (offsets[users] != items.length) {
      throw new IllegalArgumentException(
          "CSR offsets end at "
              + offsets[users]
              + " but there are "
              + items.length
              + " item indexes");
    }
    int[][] byUser = new int[users][];
    for (int u = 0; u < users; u++) {
      int start = offsets[u];
      int end = offsets[u + 1];
      if (end < start || end > items.length) {
        throw new IllegalArgumentException(
            "CSR offsets of user " + u + " are invalid: " + start + ".." + end);
      }
      int previous = -1;
      for (int e = start; e < end; e++) {
        int item = items[e];
        if (item <= previous || item >= itemCount) {
          throw new IllegalArgumentException(
              "CSR row of user "
                  + u
                  + " holds item index "
                  + item
                  + (item >= itemCount ? " (only " + itemCount + " items)" : " out of order"));
        }
        previous = item;
      }
      byUser[u] = java.util.Arrays.copyOfRange(items, start, end);
    }
    return new RatedItems(byUser);
  }

  /** How many user rows there are (users past the end have no rated items). */
  public int userCount() {
    return byUser.length;
  }

  /** How many (user, item) pairs there are in all. */
  public long pairCount() {
    long total = 0;
    for (int[] row : byUser) {
      total += row == null ? 0 : row.length;
    }
    return total;
  }

  /** The sorted item indexes user {@code user} rated (empty for unknown users). */
  public int[] itemsOf(int user) {
    if (user < 0 || user >= byUser.length || byUser[user] == null) {
      return NONE;
    }
    return byUser[user];
  }
}
