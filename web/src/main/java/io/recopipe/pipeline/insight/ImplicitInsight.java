package io.recopipe.pipeline.insight;

import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.metrics.ImplicitEvaluator;
import io.recopipe.model.metrics.MetricValues;
import io.recopipe.model.mf.MfModel;
import java.util.Optional;

/**
 * The review page's numbers for implicit-feedback models (Hu, Koren & Volinsky 2008): BigQuery ML's
 * implicit ML.EVALUATE columns instead of rating errors, and the histogram of (predicted confidence
 * − 1) over the held-out positives, since an implicit model predicts confidence, not a rating.
 */
final class ImplicitInsight {
  private ImplicitInsight() {}

  /** Whether {@code bundle} holds an implicit-feedback model. */
  static boolean isImplicit(ModelBundle bundle) {
    return "IMPLICIT".equalsIgnoreCase(bundle.manifest().feedbackType());
  }

  /** The implicit metrics of {@code bundle} on {@code dataset}, as the evaluate step computes. */
  static MetricValues metrics(ModelBundle bundle, InsightDataset dataset) {
    Ratings train = dataset.train().orElse(dataset.eval());
    return ImplicitEvaluator.withThreshold(threshold(bundle))
        .evaluate(bundle.model(), train, dataset.eval());
  }

  /** 1 for each held-out positive of {@code eval} (ratings at or above the threshold). */
  static float[] actual(Ratings eval, ModelBundle bundle) {
    double threshold = threshold(bundle);
    int n = 0;
    for (int r = 0; r < eval.size(); r++) {
      n += isPositive(eval.rating(r), threshold) ? 1 : 0;
    }
    float[] ones = new float[n];
    java.util.Arrays.fill(ones, 1f);
    return ones;
  }

  /** {@code model}'s predicted confidence for each held-out positive of {@code eval}. */
  static float[] predicted(MfModel model, Ratings eval, ModelBundle positivesOf) {
    double threshold = threshold(positivesOf);
    float[] out = new float[actual(eval, positivesOf).length];
    int i = 0;
    for (int r = 0; r < eval.size(); r++) {
      if (isPositive(eval.rating(r), threshold)) {
        out[i++] = model.predict(eval.users().id(eval.user(r)), eval.items().id(eval.item(r)));
      }
    }
    return out;
  }

  private static boolean isPositive(float rating, double threshold) {
    return rating > 0 && rating >= threshold;
  }

  private static double threshold(ModelBundle bundle) {
    Object value =
        Optional.ofNullable(bundle.manifest().options().get("positive_threshold")).orElse(0);
    return value instanceof Number number
        ? number.doubleValue()
        : Double.parseDouble(String.valueOf(value));
  }
}
