package io.recopipe.components.tuning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Grid search: the same number of evenly spaced levels on every searched range (log-spaced for
 * {@code l2_reg}), the smallest grid with at least {@code num_trials} points; when it has more,
 * {@code num_trials} of them are taken at even strides through the grid, so a truncated grid still
 * spans the whole space rather than one corner of it.
 */
public final class GridSearch {
  private GridSearch() {}

  /** The grid's points for at most {@code trials} trials, in a fixed order (no randomness). */
  public static List<Hyperparameters> points(SearchSpace space, int trials) {
    int dims = space.dimensions();
    int levels = 1;
    while (Math.pow(levels, dims) < trials) {
      levels++;
    }
    List<Hyperparameters> grid = new ArrayList<>();
    int cAxis = dims == 3 ? levels : 1;
    for (int a = 0; a < levels; a++) {
      for (int b = 0; b < levels; b++) {
        for (int c = 0; c < cAxis; c++) {
          grid.add(space.at(fraction(a, levels), fraction(b, levels), fraction(c, cAxis)));
        }
      }
    }
    Set<Hyperparameters> chosen = new LinkedHashSet<>();
    for (int n = 0; n < trials; n++) {
      chosen.add(grid.get((int) ((long) n * grid.size() / trials)));
    }
    return List.copyOf(chosen);
  }

  private static double fraction(int level, int levels) {
    return levels == 1 ? 0.5 : (double) level / (levels - 1);
  }
}
