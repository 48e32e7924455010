package io.recopipe.pipeline.web;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.insight.PromotionInsight;
import io.recopipe.pipeline.insight.PromotionInsights;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a candidate's {@link PromotionInsight} from its artifacts and keeps the last few, since
 * scoring the eval split takes a moment and artifacts never change once committed.
 */
final class InsightCache {
  /** Sample users shown on a promotion page. */
  static final int SAMPLE_USERS = 3;

  /** Recommendations shown per sample user. */
  static final int TOP_K = 10;

  private static final int KEEP = 16;

  private final LocalRunner runner;
  private final Map<String, PromotionInsight> recent =
      new LinkedHashMap<>(KEEP, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PromotionInsight> eldest) {
          return size() > KEEP;
        }
      };

  InsightCache(LocalRunner runner) {
    this.runner = runner;
  }

  /** The insight of {@code candidate} against {@code champion} (none on a first promotion). */
  synchronized PromotionInsight of(
      RegisteredVersion candidate, Optional<RegisteredVersion> champion) {
    String key =
        candidate.bundleSha256() + "|" + champion.map(RegisteredVersion::bundleSha256).orElse("-");
    PromotionInsight cached = recent.get(key);
    if (cached != null) {
      return cached;
    }
    RunHistory history = runner.history();
    try {
      PromotionInsight insight =
          PromotionInsights.build(
              bundle(history, candidate),
              champion.map(c -> bundle(history, c)),
              dataset(history, candidate),
              Optional.ofNullable(candidate.gateDecision()),
              SAMPLE_USERS,
              TOP_K);
      recent.put(key, insight);
      return insight;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the artifacts of "
              + candidate.pipeline()
              + " v"
              + candidate.version()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The metrics the {@code hybrid} step recorded in {@code candidate}'s run; empty when the step
   * was disabled, failed or is not in the pipeline.
   */
  Map<String, Double> hybridMetrics(RegisteredVersion candidate) {
    return runner.history().show(candidate.runId()).stream()
        .flatMap(report -> report.executions().stream())
        .filter(
            e ->
                e.execution().step().equals("hybrid")
                    && e.execution().status() == ExecutionStatus.SUCCEEDED)
        .map(RunHistory.ExecutionReport::metrics)
        .reduce((first, second) -> second)
        .orElse(Map.of());
  }

  private static Path bundle(RunHistory history, RegisteredVersion version) {
    return history.locate(
        new StoredArtifact(0, version.bundleUri(), ArtifactType.MODEL, version.bundleSha256(), 0));
  }

  private static Path dataset(RunHistory history, RegisteredVersion version) {
    RunHistory.RunReport report =
        history
            .show(version.runId())
            .orElseThrow(
                () ->
                    new WebException(
                        404,
                        "the run "
                            + version.runId()
                            + " of v"
                            + version.version()
                            + " is not recorded"));
    return report.executions().stream()
        .filter(e -> e.execution().status() == ExecutionStatus.SUCCEEDED)
        .map(e -> e.outputs().get("dataset"))
        .filter(a -> a != null && a.type() == ArtifactType.DATASET)
        .reduce((first, second) -> second)
        .map(history::locate)
        .orElseThrow(
            () -> new WebException(404, "run " + version.runId() + " recorded no dataset"));
  }
}
