package io.recopipe.components.gate;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.steps.StepParameters;
import io.recopipe.components.validation.DataThresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The gate's configuration: absolute thresholds ({@code r2_min}, {@code rmse_max}), change
 * thresholds against the champion ({@code max_regression_abs}, {@code max_regression_rel}), {@code
 * auto_bless} and the checks of the run's data against the champion's ({@link DataThresholds}); any
 * threshold can be switched off with {@code none}.
 *
 * <p>{@code r2_min} defaults to {@value #DEFAULT_R2_MIN}: BigQuery ML reports R² ≈ 0.79 for
 * MovieLens, but that is in-sample (on the training rows); on held-out ratings a good model scores
 * about 0.3–0.4 and the global-mean baseline about 0, so 0.2 rejects a model no better than a
 * popularity baseline without failing healthy ones on noisy eval splits.
 *
 * @param r2Min floor on {@code r2_score}
 * @param rmseMax ceiling on {@code root_mean_squared_error}
 * @param maxRegressionAbs largest allowed RMSE increase over the champion, in rating units
 * @param maxRegressionRel largest allowed RMSE increase over the champion, as a fraction of it
 * @param autoBless bless when no threshold is configured (never overrides a failed check)
 * @param implicit the thresholds of implicit candidates ({@link ImplicitGateThresholds}); the four
 *     above apply only to explicit candidates
 * @param data how far the run's data may move from the champion's ({@link DataThresholds}, defaults
 *     there)
 */
public record GateThresholds(
    OptionalDouble r2Min,
    OptionalDouble rmseMax,
    OptionalDouble maxRegressionAbs,
    OptionalDouble maxRegressionRel,
    boolean autoBless,
    ImplicitGateThresholds implicit,
    DataThresholds data) {

  /** Default floor on held-out R²; see the class comment. */
  public static final double DEFAULT_R2_MIN = 0.2;

  static final String R2_MIN = "r2_min";
  static final String RMSE_MAX = "rmse_max";
  static final String MAX_REGRESSION_ABS = "max_regression_abs";
  static final String MAX_REGRESSION_REL = "max_regression_rel";
  static final String AUTO_BLESS = "auto_bless";

  /** Reads the gate's parameters; unknown keys and unreadable values fail in one line. */
  static GateThresholds parse(String step, Map<String, String> parameters)
      throws ComponentException {
    Set<String> known = new java.util.HashSet<>(ImplicitGateThresholds.NAMES);
    known.addAll(
        Set.of(
            R2_MIN,
            RMSE_MAX,
            MAX_REGRESSION_ABS,
            MAX_REGRESSION_REL,
            AUTO_BLESS,
            DataThresholds.MAX_ROW_COUNT_CHANGE,
            DataThresholds.MAX_RATING_HISTOGRAM_DISTANCE,
            DataThresholds.MAX_UNKNOWN_EVAL_USERS,
            DataThresholds.MAX_UNKNOWN_EVAL_ITEMS));
    StepParameters p = StepParameters.of(step, parameters, known, "parameter");
    GateThresholds thresholds =
        new GateThresholds(
            p.threshold(R2_MIN, OptionalDouble.of(DEFAULT_R2_MIN)),
            p.threshold(RMSE_MAX, OptionalDouble.empty()),
            p.threshold(MAX_REGRESSION_ABS, OptionalDouble.empty()),
            p.threshold(MAX_REGRESSION_REL, OptionalDouble.empty()),
            p.flag(AUTO_BLESS, false),
            ImplicitGateThresholds.parse(step, p),
            dataThresholds(p));
    List<String> problems = new ArrayList<>();
    outside(problems, R2_MIN, thresholds.r2Min, Double.NEGATIVE_INFINITY, 1, "R² is at most 1");
    outside(problems, RMSE_MAX, thresholds.rmseMax, 0, Double.POSITIVE_INFINITY, "an RMSE ceiling");
    outside(
        problems,
        MAX_REGRESSION_ABS,
        thresholds.maxRegressionAbs,
        0,
        Double.POSITIVE_INFINITY,
        "an RMSE increase in rating units");
    outside(
        problems,
        MAX_REGRESSION_REL,
        thresholds.maxRegressionRel,
        0,
        Double.POSITIVE_INFINITY,
        "a fraction of the champion's RMSE");
    DataThresholds data = thresholds.data;
    outside(
        problems,
        DataThresholds.MAX_ROW_COUNT_CHANGE,
        data.maxRowCountChange(),
        0,
        Double.POSITIVE_INFINITY,
        "a fraction of the champion's row count");
    outside(
        problems,
        DataThresholds.MAX_RATING_HISTOGRAM_DISTANCE,
        data.maxRatingHistogramDistance(),
        0,
        1,
        "an L-infinity distance");
    outside(
        problems,
        DataThresholds.MAX_UNKNOWN_EVAL_USERS,
        data.maxUnknownEvalUsers(),
        0,
        1,
        "a share of eval users");
    outside(
        problems,
        DataThresholds.MAX_UNKNOWN_EVAL_ITEMS,
        data.maxUnknownEvalItems(),
        0,
        1,
        "a share of eval items");
    if (!problems.isEmpty()) {
      throw new ComponentException(step + ": " + String.join("; ", problems));
    }
    return thresholds;
  }

  private static DataThresholds dataThresholds(StepParameters p) throws ComponentException {
    DataThresholds d = DataThresholds.DEFAULTS;
    return new DataThresholds(
        p.threshold(DataThresholds.MAX_ROW_COUNT_CHANGE, d.maxRowCountChange()),
        p.threshold(DataThresholds.MAX_RATING_HISTOGRAM_DISTANCE, d.maxRatingHistogramDistance()),
        p.threshold(DataThresholds.MAX_UNKNOWN_EVAL_USERS, d.maxUnknownEvalUsers()),
        p.threshold(DataThresholds.MAX_UNKNOWN_EVAL_ITEMS, d.maxUnknownEvalItems()));
  }

  private static void outside(
      List<String> problems,
      String name,
      OptionalDouble value,
      double min,
      double max,
      String meaning) {
    if (value.isPresent() && (value.getAsDouble() < min || value.getAsDouble() > max)) {
      problems.add(
          "parameter "
              + name
              + " must be "
              + (min == Double.NEGATIVE_INFINITY
                  ? "<= " + max
                  : max == Double.POSITIVE_INFINITY ? ">= " + min : "in " + min + ".." + max)
              + " ("
              + meaning
              + "), was "
              + value.getAsDouble());
    }
  }

  /** Whether any absolute threshold is set. */
  boolean hasAbsolute() {
    return r2Min.isPresent() || rmseMax.isPresent();
  }

  /** Whether any change threshold is set. */
  boolean hasChange() {
    return maxRegressionAbs.isPresent() || maxRegressionRel.isPresent();
  }
}
