package io.recopipe.components.export;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.steps.StepParameters;
import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionType;
import io.recopipe.model.options.Range;
import java.util.Map;
import java.util.Set;

/**
 * The export step's parameters: how many recommendations per user ({@code top_n}, default 50) and
 * whether items the user already rated are left out ({@code exclude_rated}, default true, as most
 * applications want; ML.RECOMMEND keeps them).
 *
 * @param topN recommendations per user
 * @param excludeRated whether rated items (in the train split) are excluded
 */
record ExportSettings(int topN, boolean excludeRated) {
  static final int DEFAULT_TOP_N = 50;
  static final int MAX_TOP_N = 10_000;
  static final Option<Integer> TOP_N =
      Option.of("top_n", OptionType.INTEGER, DEFAULT_TOP_N, "recommendations per user")
          .in(Range.closed(1, MAX_TOP_N));
  static final Option<Boolean> EXCLUDE_RATED =
      Option.of(
          "exclude_rated",
          OptionType.BOOLEAN,
          true,
          "whether items the user rated in train are left out");

  /** Reads the parameters; unknown keys and bad values fail in one line. */
  static ExportSettings parse(String step, Map<String, String> parameters)
      throws ComponentException {
    StepParameters p =
        StepParameters.of(
            step, parameters, Set.of(TOP_N.name(), EXCLUDE_RATED.name()), "parameter");
    return new ExportSettings(p.get(TOP_N), p.get(EXCLUDE_RATED));
  }
}
