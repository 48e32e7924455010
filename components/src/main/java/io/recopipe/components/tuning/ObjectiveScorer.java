package io.recopipe.components.tuning;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.metrics.MeanSquaredError;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.mf.MfModel;

/**
 * Scores one trial's model on the validation split with the run's objective, the way ML.EVALUATE
 * would: rating error for {@code MEAN_SQUARED_ERROR}, each user's ranking of held-out items
 * (training items excluded) for the implicit objectives, see {@link RankingObjective}.
 */
final class ObjectiveScorer {
  private ObjectiveScorer() {}

  /** The objective's value for {@code model}, fitted on {@code fit}, on {@code validation}. */
  static double score(TuningObjective objective, MfModel model, Ratings fit, Ratings validation) {
    if (objective == TuningObjective.MEAN_SQUARED_ERROR) {
      return RegressionEvaluator.forScaleOf(fit)
          .evaluate(model, validation)
          .get(MeanSquaredError.NAME);
    }
    return RankingObjective.score(objective, model, fit, validation);
  }
}
