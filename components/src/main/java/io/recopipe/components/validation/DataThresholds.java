package io.recopipe.components.validation;

import java.util.OptionalDouble;

/**
 * How far a run's data may move from the champion's before the gate stops trusting a comparison of
 * the two models, with the defaults in one place. Each can be switched off ({@code none}).
 *
 * @param maxRowCountChange largest relative change of the number of ratings (|new − old| / old);
 *     beyond it the model is not blessed
 * @param maxRatingHistogramDistance largest L-infinity distance between the rating histograms;
 *     beyond it the model is not blessed
 * @param maxUnknownEvalUsers largest share of eval users the champion never saw; beyond it the two
 *     models are not comparable on this eval split
 * @param maxUnknownEvalItems the same for eval items
 */
public record DataThresholds(
    OptionalDouble maxRowCountChange,
    OptionalDouble maxRatingHistogramDistance,
    OptionalDouble maxUnknownEvalUsers,
    OptionalDouble maxUnknownEvalItems) {
  /** Parameter name of {@link #maxRowCountChange}. */
  public static final String MAX_ROW_COUNT_CHANGE = "max_row_count_change";

  /** Parameter name of {@link #maxRatingHistogramDistance}. */
  public static final String MAX_RATING_HISTOGRAM_DISTANCE = "max_rating_histogram_distance";

  /** Parameter name of {@link #maxUnknownEvalUsers}. */
  public static final String MAX_UNKNOWN_EVAL_USERS = "max_unknown_eval_users";

  /** Parameter name of {@link #maxUnknownEvalItems}. */
  public static final String MAX_UNKNOWN_EVAL_ITEMS = "max_unknown_eval_items";

  /** Default of {@link #maxRowCountChange}: half as many or 1.5 times as many ratings. */
  public static final double DEFAULT_MAX_ROW_COUNT_CHANGE = 0.5;

  /** Default of {@link #maxRatingHistogramDistance}: no rating's share moves by 10 points. */
  public static final double DEFAULT_MAX_RATING_HISTOGRAM_DISTANCE = 0.1;

  /** Default of {@link #maxUnknownEvalUsers}: at least half the eval users are known. */
  public static final double DEFAULT_MAX_UNKNOWN_EVAL_USERS = 0.5;

  /** Default of {@link #maxUnknownEvalItems}: at least half the eval items are known. */
  public static final double DEFAULT_MAX_UNKNOWN_EVAL_ITEMS = 0.5;

  /** Every threshold at its default. */
  public static final DataThresholds DEFAULTS =
      new DataThresholds(
          OptionalDouble.of(DEFAULT_MAX_ROW_COUNT_CHANGE),
          OptionalDouble.of(DEFAULT_MAX_RATING_HISTOGRAM_DISTANCE),
          OptionalDouble.of(DEFAULT_MAX_UNKNOWN_EVAL_USERS),
          OptionalDouble.of(DEFAULT_MAX_UNKNOWN_EVAL_ITEMS));
}
