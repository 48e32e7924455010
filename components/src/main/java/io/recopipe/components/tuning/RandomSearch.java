package io.recopipe.components.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random search (Bergstra and Bengio 2012): {@code num_trials} independent draws, uniform on each
 * range's scale (so log-uniform for {@code l2_reg}), all drawn up front from one seed so the trial
 * list never depends on how many trials run at once.
 */
public final class RandomSearch {
  private RandomSearch() {}

  /** The first {@code trials} points of the seeded sequence; trial n is the n-th draw. */
  public static List<Hyperparameters> points(SearchSpace space, int trials, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Hyperparameters> points = new ArrayList<>(trials);
    for (int n = 0; n < trials; n++) {
      double a = wholeNumberFraction(space.numFactors(), random.nextDouble());
      double b = random.nextDouble();
      double c = random.nextDouble();
      points.add(space.at(a, b, c));
    }
    return points;
  }

  /**
   * Maps a uniform draw to the fraction of a whole-number value, so the two end values are as
   * likely as the ones between (plain rounding would halve their chance).
   */
  private static double wholeNumberFraction(ParamRange range, double u) {
    long count = (long) range.max() - (long) Math.ceil(range.min()) + 1;
    if (count <= 1 || range.max() == range.min()) {
      return 0;
    }
    long step = Math.min(count - 1, (long) Math.floor(u * count));
    double value = Math.ceil(range.min()) + step;
    return (value - range.min()) / (range.max() - range.min());
  }
}
