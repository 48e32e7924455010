package io.recopipe.pipeline.bench;

import java.util.Map;
import java.util.OptionalLong;

/**
 * How many rows each pipeline step processed, from the metrics the steps record, so a benchmark
 * reports throughput (rows/s) and not only seconds: ingest reads every rating, train fits the train
 * split, evaluate scores the eval split, export writes ML.WEIGHTS and the recommendations. Steps
 * whose work is not row-shaped (tune with no trials, gate, package, deploy) have none.
 */
public final class StepRows {
  private StepRows() {}

  /**
   * The rows of {@code step}, given every step's metrics by step name; empty when the step has no
   * row count.
   */
  public static OptionalLong of(String step, Map<String, Map<String, Double>> metrics) {
    Map<String, Double> ingest = metrics.getOrDefault("ingest", Map.of());
    return switch (step) {
      case "ingest" -> count(ingest.get("rows"));
      case "train" -> count(ingest.get("train_rows"));
      case "evaluate" -> count(ingest.get("eval_rows"));
      case "export" -> {
        Map<String, Double> export = metrics.getOrDefault("export", Map.of());
        Double weights = export.get("weights_rows");
        Double recommendations = export.get("recommendation_rows");
        yield weights == null || recommendations == null
            ? OptionalLong.empty()
            : count(weights + recommendations);
      }
      default -> OptionalLong.empty();
    };
  }

  private static OptionalLong count(Double value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(Math.round(value));
  }
}
