package io.recopipe.components.steps;

import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.provenance.Provenance;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a fit's bundle manifest so that it is a function of the step's inputs, parameters and
 * run alone, never of the wall clock: rerunning the step (a resume after a crash) must write a
 * byte-identical bundle, or the runner's content hashes and cache keys would change for nothing.
 *
 * <p>Two manifest fields come from the clock: provenance {@code created_at}, and each iteration's
 * {@code duration_ms}. {@code created_at} is set to the run's start time (the same on every
 * attempt of the run), and durations are stored as 0: they describe one execution, not the model,
 * and are kept in the step's log, its {@code fit_seconds} metric and the {@code training_info}
 * table written by that execution.
 */
final class ReproducibleManifest {
  private ReproducibleManifest() {
  }

  /**
   * The manifest of {@code fit}, created at {@code createdAt}, with {@code metrics} and the
   * training data's rating range.
   */
  static BundleManifest of(AlsResult fit, String runId, Instant createdAt,
      Map<String, Double> metrics, RatingRange range) {
    Provenance provenance = Provenance.capture(fit.options().seed(), fit.dataFingerprint(), runId,
        Clock.fixed(createdAt, ZoneOffset.UTC), System.getenv());
    return BundleManifest.forFit(fit, runId)
        .trainingInfo(withoutDurations(fit.trainingInfo()))
        .provenance(provenance)
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
