package io.recopipe.components.gate;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.steps.StepParameters;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The gate's thresholds for implicit models, which have no R² or RMSE: absolute ones on the
 * implicit ML.EVALUATE columns ({@code map_min} on {@code mean_average_precision}, {@code ndcg_min}
 * on {@code normalized_discounted_cumulative_gain}, {@code average_rank_max}) and change ones
 * against the champion ({@code max_map_regression_abs}, {@code max_map_regression_rel}: the largest
 * allowed MAP drop, in MAP units or as a fraction of the champion's). They apply only when the
 * candidate is implicit; any can be switched off with {@code none}.
 *
 * <p>{@code average_rank_max} defaults to {@value #DEFAULT_AVERAGE_RANK_MAX}: a random ranking
 * scores about 0.5 (Hu, Koren &amp; Volinsky 2008), so the default rejects a model that orders
 * held-out positives no better than chance, as {@code r2_min} does for explicit models.
 *
 * @param mapMin floor on {@code mean_average_precision}
 * @param ndcgMin floor on {@code normalized_discounted_cumulative_gain}
 * @param averageRankMax ceiling on {@code average_rank}
 * @param maxMapRegressionAbs largest allowed MAP drop below the champion's
 * @param maxMapRegressionRel largest allowed MAP drop, as a fraction of the champion's
 */
public record ImplicitGateThresholds(
    OptionalDouble mapMin,
    OptionalDouble ndcgMin,
    OptionalDouble averageRankMax,
    OptionalDouble maxMapRegressionAbs,
    OptionalDouble maxMapRegressionRel) {

  /** Default ceiling on {@code average_rank}; see the class comment. */
  public static final double DEFAULT_AVERAGE_RANK_MAX = 0.5;

  static final String MAP_MIN = "map_min";
  static final String NDCG_MIN = "ndcg_min";
  static final String AVERAGE_RANK_MAX = "average_rank_max";
  static final String MAX_MAP_REGRESSION_ABS = "max_map_regression_abs";
  static final String MAX_MAP_REGRESSION_REL = "max_map_regression_rel";

  /** The parameter names. */
  static final Set<String> NAMES =
      Set.of(MAP_MIN, NDCG_MIN, AVERAGE_RANK_MAX, MAX_MAP_REGRESSION_ABS, MAX_MAP_REGRESSION_REL);

  /** Reads the implicit thresholds from already-checked parameters. */
  static ImplicitGateThresholds parse(String step, StepParameters p) throws ComponentException {
    ImplicitGateThresholds t =
        new ImplicitGateThresholds(
            p.threshold(MAP_MIN, OptionalDouble.empty()),
            p.threshold(NDCG_MIN, OptionalDouble.empty()),
            p.threshold(AVERAGE_RANK_MAX, OptionalDouble.of(DEFAULT_AVERAGE_RANK_MAX)),
            p.threshold(MAX_MAP_REGRESSION_ABS, OptionalDouble.empty()),
            p.threshold(MAX_MAP_REGRESSION_REL, OptionalDouble.empty()));
    StringBuilder problems = new StringBuilder();
    inRange(problems, MAP_MIN, t.mapMin, 0, 1);
    inRange(problems, NDCG_MIN, t.ndcgMin, 0, 1);
    inRange(problems, AVERAGE_RANK_MAX, t.averageRankMax, 0, 1);
    inRange(problems, MAX_MAP_REGRESSION_ABS, t.maxMapRegressionAbs, 0, 1);
    inRange(problems, MAX_MAP_REGRESSION_REL, t.maxMapRegressionRel, 0, 1);
    if (problems.length() > 0) {
      throw new ComponentException(step + ": " + problems);
    }
    return t;
  }

  private static void inRange(
      StringBuilder problems, String name, OptionalDouble value, double min, double max) {
    if (value.isPresent() && (value.getAsDouble() < min || value.getAsDouble() > max)) {
      problems
          .append(problems.length() > 0 ? "; " : "")
          .append("parameter ")
          .append(name)
          .append(" must be in ")
          .append(min)
          .append("..")
          .append(max)
          .append(", was ")
          .append(value.getAsDouble());
    }
  }

  /** Whether any change threshold is set. */
  boolean hasChange() {
    return maxMapRegressionAbs.isPresent() || maxMapRegressionRel.isPresent();
  }
}
