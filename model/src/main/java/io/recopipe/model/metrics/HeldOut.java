package io.recopipe.model.metrics;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.mf.MfModel;
import java.util.Arrays;

/**
 * An eval split's positives and a training split's rated items, both translated by id into one
 * model's indexes, so that a candidate and a champion trained on different dictionaries are judged
 * on the same pairs; also sums the positives' squared error against preference 1.
 */
final class HeldOut {
  private final int[][] relevant;
  private final int[][] trainItems;
  private final long positives;
  private final double squaredError;
  private final int usersWithPositives;

  private HeldOut(
      int[][] relevant,
      int[][] trainItems,
      long positives,
      double squaredError,
      int usersWithPositives) {
    this.relevant = relevant;
    this.trainItems = trainItems;
    this.positives = positives;
    this.squaredError = squaredError;
    this.usersWithPositives = usersWithPositives;
  }

  /** The positives of {@code eval} and rated items of {@code train}, in {@code model}'s indexes. */
  static HeldOut of(MfModel model, Ratings train, Ratings eval, double threshold) {
    int[][] trainItems = byModelUser(model, train, Double.NEGATIVE_INFINITY, null);
    int[][] relevant = byModelUser(model, eval, threshold, trainItems);
    long positives = 0;
    double squaredError = 0;
    java.util.Set<String> withPositives = new java.util.HashSet<>();
    for (int n = 0; n < eval.size(); n++) {
      float r = eval.rating(n);
      if (r > 0 && r >= threshold) {
        String user = eval.users().id(eval.user(n));
        double miss = 1.0 - model.predict(user, eval.items().id(eval.item(n)));
        squaredError += miss * miss;
        positives++;
        withPositives.add(user);
      }
    }
    return new HeldOut(relevant, trainItems, positives, squaredError, withPositives.size());
  }

  /**
   * Each model user's items (strictly ascending) among {@code ratings} with r ≥ {@code threshold}
   * (and r &gt; 0 when a threshold applies), leaving out items in {@code exclude}'s row.
   */
  private static int[][] byModelUser(
      MfModel model, Ratings ratings, double threshold, int[][] exclude) {
    int users = model.users().size();
    int[] counts = new int[users];
    int[] userOf = new int[ratings.size()];
    int[] itemOf = new int[ratings.size()];
    for (int n = 0; n < ratings.size(); n++) {
      float r = ratings.rating(n);
      int u = model.users().indexOf(ratings.users().id(ratings.user(n)));
      int i = model.items().indexOf(ratings.items().id(ratings.item(n)));
      boolean kept =
          u >= 0
              && i >= 0
              && r >= threshold
              && (exclude == null || r > 0)
              && (exclude == null || Arrays.binarySearch(exclude[u], i) < 0);
      userOf[n] = kept ? u : -1;
      itemOf[n] = i;
      counts[Math.max(u, 0)] += kept ? 1 : 0;
    }
    int[][] rows = new int[users][];
    for (int u = 0; u < users; u++) {
      rows[u] = new int[counts[u]];
      counts[u] = 0;
    }
    for (int n = 0; n < userOf.length; n++) {
      if (userOf[n] >= 0) {
        rows[userOf[n]][counts[userOf[n]]++] = itemOf[n];
      }
    }
    for (int u = 0; u < users; u++) {
      rows[u] = Arrays.stream(rows[u]).sorted().distinct().toArray();
    }
    return rows;
  }

  int[] relevant(int user) {
    return relevant[user];
  }

  int[] trainItems(int user) {
    return trainItems[user];
  }

  long positives() {
    return positives;
  }

  int usersWithPositives() {
    return usersWithPositives;
  }

  double meanSquaredError() {
    return positives == 0 ? Double.NaN : squaredError / positives;
  }
}
