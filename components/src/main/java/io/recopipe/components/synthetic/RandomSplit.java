package io.recopipe.components.synthetic;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.error.InvalidInputException;
import java.util.SplittableRandom;

/**
 * Holds out a seeded random fraction of rows as a test set (BigQuery ML's RANDOM split), so that
 * the same seed always yields the same train and test rows and runs can be compared.
 */
public final class RandomSplit {
  private RandomSplit() {}

  /**
   * Splits {@code ratings}: exactly {@code round(testFraction × size)} rows go to test; both sides
   * keep the original row order.
   */
  public static TrainTestSplit split(Ratings ratings, double testFraction, long seed) {
    boolean[] isTest = testRows(ratings.size(), testFraction, seed);
    int testSize = 0;
    for (boolean test : isTest) {
      testSize += test ? 1 : 0;
    }
    int[] train = new int[isTest.length - testSize];
    int[] test = new int[testSize];
    int trainCount = 0;
    int testCount = 0;
    for (int n = 0; n < isTest.length; n++) {
      if (isTest[n]) {
        test[testCount++] = n;
      } else {
        train[trainCount++] = n;
      }
    }
    return new TrainTestSplit(ratings.select(train), ratings.select(test));
  }

  /**
   * Which of {@code size} rows {@link #split} puts in the test set (exactly {@code
   * round(testFraction × size)} of them), without copying any data; callers that only write the
   * rows out use this.
   */
  public static boolean[] testRows(int size, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new InvalidInputException("test fraction must be in (0, 1), got " + testFraction);
    }
    int testSize = (int) Math.round(testFraction * size);
    int[] rows = new int[size];
    for (int n = 0; n < size; n++) {
      rows[n] = n;
    }
    SplittableRandom random = Seeds.stream(seed, Seeds.SPLIT, 0);
    boolean[] isTest = new boolean[size];
    for (int n = 0; n < testSize; n++) { // partial Fisher–Yates: the first testSize slots
      int pick = n + random.nextInt(size - n);
      int chosen = rows[pick];
      rows[pick] = rows[n];
      rows[n] = chosen;
      isTest[chosen] = true;
    }
    return isTest;
  }
}
