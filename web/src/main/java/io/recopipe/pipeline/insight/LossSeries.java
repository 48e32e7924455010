package io.recopipe.pipeline.insight;

import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.bundle.BundleManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Turns a bundle's ML.TRAINING_INFO rows into chart points, an eval loss stored as null (NaN)
 * becoming an empty value, so the loss chart draws only what training measured.
 */
final class LossSeries {
  private LossSeries() {}

  /** One point per iteration of {@code manifest}'s training info, in iteration order. */
  static List<LossPoint> of(BundleManifest manifest) {
    List<LossPoint> points = new ArrayList<>();
    for (TrainingIteration row : manifest.trainingInfo()) {
      OptionalDouble eval =
          row.hasEvalLoss() ? OptionalDouble.of(row.evalLoss()) : OptionalDouble.empty();
      points.add(new LossPoint(row.iteration(), row.loss(), eval));
    }
    return List.copyOf(points);
  }
}
