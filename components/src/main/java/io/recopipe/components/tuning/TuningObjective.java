package io.recopipe.components.tuning;

import io.recopipe.model.als.FeedbackType;
import java.util.Locale;

/**
 * BigQuery ML's {@code hparam_tuning_objectives} for matrix factorization: explicit models are
 * tuned on rating error only, implicit ones (Hu, Koren and Volinsky 2008) on ranking quality of
 * held-out interactions, where a rating error would reward predicting the confidence weights.
 */
public enum TuningObjective {
  /** Mean squared error of the validation ratings; lower is better. */
  MEAN_SQUARED_ERROR(false),
  /** Mean average precision at {@link #CUTOFF} of each validation user's held-out items. */
  MEAN_AVERAGE_PRECISION(true),
  /** NDCG at {@link #CUTOFF} of each validation user's held-out items. */
  NORMALIZED_DISCOUNTED_CUMULATIVE_GAIN(true),
  /** The mean percentile rank of held-out items in the user's full ranking; lower is better. */
  AVERAGE_RANK(false);

  /** The cutoff of the at-k ranking objectives. */
  static final int CUTOFF = 10;

  private final boolean higherIsBetter;

  TuningObjective(boolean higherIsBetter) {
    this.higherIsBetter = higherIsBetter;
  }

  /** Whether a larger value is a better trial. */
  boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** BigQuery ML's default: MEAN_SQUARED_ERROR for explicit, MEAN_AVERAGE_PRECISION implicit. */
  static TuningObjective defaultFor(FeedbackType feedback) {
    return feedback == FeedbackType.EXPLICIT ? MEAN_SQUARED_ERROR : MEAN_AVERAGE_PRECISION;
  }

  /** Whether BigQuery ML allows this objective for {@code feedback}. */
  boolean allowedFor(FeedbackType feedback) {
    return feedback == FeedbackType.IMPLICIT || this == MEAN_SQUARED_ERROR;
  }

  /** Parses BigQuery ML's spelling, case-insensitive. */
  static TuningObjective parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }

  /** The column and JSON name, lower case like ML.EVALUATE's. */
  String metricName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
