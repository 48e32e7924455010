package io.recopipe.components.tuning;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts a validation set out of the TRAIN split only, so tuning never sees the eval split the final
 * model is judged on (choosing hyperparameters on the test set would make its score optimistic). A
 * row is held out only while its user and item keep another training row, so every validation
 * rating is predicted from learned factors rather than intercepts alone.
 *
 * @param fit the rows trials train on
 * @param validation the rows trials are scored on
 */
public record ValidationSplit(Ratings fit, Ratings validation) {
  /**
   * Holds out about {@code fraction} of {@code train}, chosen by {@code seed}.
   *
   * @throws IllegalArgumentException when no row can be held out
   */
  public static ValidationSplit of(Ratings train, double fraction, long seed) {
    int n = train.size();
    int[] userRows = new int[train.users().size()];
    int[] itemRows = new int[train.items().size()];
    for (int r = 0; r < n; r++) {
      userRows[train.user(r)]++;
      itemRows[train.item(r)]++;
    }
    int[] order = new int[n];
    for (int r = 0; r < n; r++) {
      order[r] = r;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int r = n - 1; r > 0; r--) {
      int other = random.nextInt(r + 1);
      int swap = order[r];
      order[r] = order[other];
      order[other] = swap;
    }
    boolean[] held = new boolean[n];
    int target = (int) Math.round(fraction * n);
    int count = 0;
    for (int k = 0; k < n && count < target; k++) {
      int r = order[k];
      if (userRows[train.user(r)] > 1 && itemRows[train.item(r)] > 1) {
        held[r] = true;
        userRows[train.user(r)]--;
        itemRows[train.item(r)]--;
        count++;
      }
    }
    if (count == 0) {
      throw new InvalidInputException(
          "validation_fraction "
              + fraction
              + " of "
              + n
              + " training ratings holds out no rating whose user and item keep another one");
    }
    List<Integer> fit = new ArrayList<>(n - count);
    List<Integer> validation = new ArrayList<>(count);
    for (int r = 0; r < n; r++) {
      (held[r] ? validation : fit).add(r);
    }
    return new ValidationSplit(train.select(toArray(fit)), train.select(toArray(validation)));
  }

  private static int[] toArray(List<Integer> rows) {
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }
}
