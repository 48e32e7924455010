package io.recopipe.components.steps;

import io.recopipe.components.api.ComponentException;
import java.util.Map;
import java.util.Set;

/**
 * The export step's parameters: how many recommendations per user ({@code top_n}, default 50) and
 * whether items the user already rated are left out ({@code exclude_rated}, default true, as most
 * applications want; ML.RECOMMEND keeps them).
 *
 * @param topN         recommendations per user
 * @param excludeRated whether rated items (in the train split) are excluded
 */
record ExportSettings(int topN, boolean excludeRated) {
  static final int DEFAULT_TOP_N = 50;
  static final int MAX_TOP_N = 10_000;

  /** Reads the parameters; unknown keys and bad values fail in one line. */
  static ExportSettings parse(String step, Map<String, String> parameters)
      throws ComponentException {
    StepParameters p = StepParameters.of(step, parameters, Set.of("top_n", "exclude_rated"),
        "parameter");
    return new ExportSettings(p.integer("top_n", DEFAULT_TOP_N, 1, MAX_TOP_N),
        p.flag("exclude_rated", true));
  }
}
