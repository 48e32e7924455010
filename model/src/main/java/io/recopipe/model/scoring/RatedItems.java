package io.recopipe.model.scoring;

import io.recopipe.model.data.CsrView;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.mf.MfModel;

/**
 * The items each user already rated, in the model's index space, so recommendations can leave
 * them out (ML.RECOMMEND does not; most apps want it).
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

  /** The sorted item indexes user {@code user} rated (empty for unknown users). */
  public int[] itemsOf(int user) {
    if (user < 0 || user >= byUser.length || byUser[user] == null) {
      return NONE;
    }
    return byUser[user];
  }
}
