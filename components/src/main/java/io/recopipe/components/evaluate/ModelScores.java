package io.recopipe.components.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.metrics.ImplicitEvaluation;
import io.recopipe.model.metrics.ImplicitEvaluator;
import io.recopipe.model.metrics.RegressionEvaluation;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.metrics.RegressionMetric;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model's ML.EVALUATE metrics on the eval split with the row counts that qualify them, in a
 * form that round-trips through {@code metrics.json}, so the gate judges exactly what evaluate
 * measured. An implicit model's scores are the implicit ML.EVALUATE columns ({@link
 * ImplicitEvaluator#COLUMNS}) and its rows are the held-out positives.
 *
 * @param metrics metric name → value in ML.EVALUATE's column order (NaN when undefined)
 * @param rows eval rows scored (held-out positives for an implicit model)
 * @param coldStartRows rows whose user or item the model does not know (intercepts only)
 * @param clippedRows predictions clamped into the rating scale
 */
public record ModelScores(
    Map<String, Double> metrics, long rows, long coldStartRows, long clippedRows) {

  /** JSON key of the eval row count. */
  public static final String ROWS = "eval_rows";

  /** JSON key of the cold-start row count. */
  public static final String COLD_START_ROWS = "cold_start_rows";

  /** JSON key of the clipped row count. */
  public static final String CLIPPED_ROWS = "clipped_rows";

  /** Copies the metrics, keeping their order. */
  public ModelScores {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** The scores of an evaluation. */
  static ModelScores of(RegressionEvaluation evaluation) {
    return new ModelScores(
        evaluation.asMap(),
        evaluation.rows(),
        evaluation.coldStartRows(),
        evaluation.clippedRows());
  }

  /**
   * The scores of an implicit evaluation; users whose positives could not be ranked (unknown user,
   * or only unknown items) are counted as cold start.
   */
  static ModelScores of(ImplicitEvaluation evaluation) {
    return new ModelScores(
        evaluation.asMap(), evaluation.positives(), evaluation.skippedUsers(), 0);
  }

  /** Whether these are an implicit model's scores (they carry mean_average_precision). */
  public boolean isImplicit() {
    return metrics.containsKey(ImplicitEvaluator.COLUMNS.get(0));
  }

  /** The value of {@code metric}, NaN when absent or undefined. */
  public double get(String metric) {
    Double value = metrics.get(metric);
    return value == null ? Double.NaN : value;
  }

  /** Writes the metrics and counts as members of {@code json}. */
  void putInto(ObjectNode json) {
    metrics.forEach((name, value) -> json.set(name, StepFiles.number(value)));
    json.put(ROWS, rows).put(COLD_START_ROWS, coldStartRows).put(CLIPPED_ROWS, clippedRows);
  }

  /** Reads the scores written by {@link #putInto}; other members are ignored. */
  static ModelScores from(ObjectNode json) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    boolean implicit = json.has(ImplicitEvaluator.COLUMNS.get(0));
    List<String> names =
        implicit
            ? ImplicitEvaluator.COLUMNS
            : RegressionEvaluator.metrics().stream().map(RegressionMetric::name).toList();
    for (String name : names) {
      if (json.has(name)) {
        metrics.put(name, JsonFields.doubleOrNaN(json, name));
      }
    }
    return new ModelScores(
        metrics, count(json, ROWS), count(json, COLD_START_ROWS), count(json, CLIPPED_ROWS));
  }

  private static long count(ObjectNode json, String key) {
    JsonNode value = json.get(key);
    return value == null ? 0 : JsonFields.asLong(value);
  }
}
