package io.recopipe.model.metrics;

import java.util.Arrays;

/**
 * Median by quickselect (expected linear time, falling back to a sort after too many unlucky
 * pivots), because sorting twenty million absolute errors just to read the middle one is wasteful.
 */
final class Median {
  private Median() {}

  /**
   * Returns the median of {@code values[0..n)} as numpy does (mean of the two middle values when
   * {@code n} is even; NaN when any value is NaN); reorders the array.
   */
  static double ofInPlace(double[] values, int n) {
    for (int r = 0; r < n; r++) {
      if (Double.isNaN(values[r])) {
        return Double.NaN;
      }
    }
    int middle = n / 2;
    double upper = select(values, n, middle);
    if (n % 2 == 1) {
      return upper;
    }
    // select leaves every value left of the middle no greater than it,
    // so the lower middle value is their maximum
    double lower = values[0];
    for (int r = 1; r < middle; r++) {
      lower = Math.max(lower, values[r]);
    }
    return (lower + upper) / 2;
  }

  /** Moves the {@code k}-th smallest of {@code values[0..n)} to index {@code k} and returns it. */
  static double select(double[] values, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    int pivotsLeft = 4 * (32 - Integer.numberOfLeadingZeros(n)) + 8;
    while (hi > lo) {
      if (pivotsLeft-- == 0) {
        Arrays.sort(values, lo, hi + 1);
        return values[k];
      }
      double pivot = medianOfThree(values[lo], values[(lo + hi) >>> 1], values[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double swap = values[i];
          values[i++] = values[j];
          values[j--] = swap;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return values[k];
      }
    }
    return values[k];
  }

  private static double medianOfThree(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
