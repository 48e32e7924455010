package io.recopipe.model.metrics;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.mf.MfModel;

/**
 * The most-popular baseline of implicit recommendation: every user gets the items with the most
 * training positives first. Built as a one-factor {@link MfModel} whose item intercepts are the
 * counts, so {@link ImplicitEvaluator} ranks it exactly as it ranks a trained model (same
 * candidates, exclusions and cutoff); its {@code mean_squared_error} is meaningless (counts, not
 * confidences).
 */
public final class MostPopularBaseline {
  private MostPopularBaseline() {}

  /** The baseline of {@code train}, counting ratings with r ≥ {@code threshold} and r &gt; 0. */
  public static MfModel of(Ratings train, double threshold) {
    int users = train.users().size();
    int items = train.items().size();
    float[] counts = new float[items];
    for (int n = 0; n < train.size(); n++) {
      float r = train.rating(n);
      if (r > 0 && r >= threshold) {
        counts[train.item(n)]++;
      }
    }
    return new MfModel(
        train.users(),
        train.items(),
        1,
        0f,
        new float[users],
        new float[users],
        new float[items],
        counts);
  }
}
