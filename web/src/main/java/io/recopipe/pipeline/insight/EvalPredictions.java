package io.recopipe.pipeline.insight;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.mf.MfModel;

/**
 * A model's predictions for every eval row, made and clipped exactly as {@link
 * RegressionEvaluator#evaluate(MfModel, Ratings)} makes them (ML.RECOMMEND's cold-start rule,
 * clamped into the evaluator's scale), so the error histogram agrees with the metrics.
 */
final class EvalPredictions {
  private EvalPredictions() {}

  /** The actual ratings of {@code eval}, row by row. */
  static float[] actual(Ratings eval) {
    float[] actual = new float[eval.size()];
    for (int r = 0; r < actual.length; r++) {
      actual[r] = eval.rating(r);
    }
    return actual;
  }

  /** {@code model}'s clipped predictions for the rows of {@code eval}. */
  static float[] predicted(MfModel model, Ratings eval, RegressionEvaluator evaluator) {
    float[] predicted = new float[eval.size()];
    for (int r = 0; r < predicted.length; r++) {
      float p = model.predict(eval.users().id(eval.user(r)), eval.items().id(eval.item(r)));
      if (evaluator.isClipping() && (p < evaluator.clipMin() || p > evaluator.clipMax())) {
        p = p < evaluator.clipMin() ? evaluator.clipMin() : evaluator.clipMax();
      }
      predicted[r] = p;
    }
    return predicted;
  }
}
