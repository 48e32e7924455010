package io.recopipe.components.train;

import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.data.RatingRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a fit's bundle manifest so that it is a function of the step's inputs and parameters
 * alone, never of the run, the home or the clock: the same data, options and seed must write a
 * byte-identical bundle in any run and any home, or content hashes and the cache keys of every
 * later step would differ for nothing.
 *
 * <p>The run id and start time are not written (the run record and the registry hold them); the
 * provenance is the code version, commit, seed and data fingerprint. Each iteration's {@code
 * duration_ms} is stored as 0: durations describe one execution, not the model, and are kept in the
 * step's log, its {@code fit_seconds} metric and the {@code training_info} table written by that
 * execution.
 */
final class ReproducibleManifest {
  private ReproducibleManifest() {}

  /** The manifest of {@code fit} with {@code metrics} and the training data's rating range. */
  static BundleManifest of(AlsResult fit, Map<String, Double> metrics, RatingRange range) {
    return BundleManifest.forFit(fit)
        .trainingInfo(withoutDurations(fit.trainingInfo()))
        .metrics(metrics)
        .ratingRange(range)
        .build();
  }

  private static List<TrainingIteration> withoutDurations(List<TrainingIteration> info) {
    List<TrainingIteration> rows = new ArrayList<>(info.size());
    for (TrainingIteration it : info) {
      rows.add(new TrainingIteration(it.iteration(), it.loss(), it.evalLoss(), it.objective(), 0));
    }
    return rows;
  }
}
