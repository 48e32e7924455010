package io.recopipe.infra.bigquery;

import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.weights.FactorWeight;
import io.recopipe.model.weights.WeightsRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of ML.TRAINING_INFO, ML.EVALUATE and ML.WEIGHTS by column name into recopipe's
 * types, so a BigQuery ML fit becomes the same training info, metrics and model as a local one.
 */
final class BqmlResults {
  private BqmlResults() {}

  /**
   * The last training run's iterations in order. BigQuery ML reports no regularized objective, so
   * {@code objective} is NaN; a NULL {@code eval_loss} (always, under NO_SPLIT) is NaN too.
   */
  static List<TrainingIteration> trainingInfo(QueryResult result) {
    Columns c = new Columns(result, "training_info");
    long lastRun = Long.MIN_VALUE;
    for (List<Object> row : result.rows()) {
      lastRun = Math.max(lastRun, c.optionalLong(row, "training_run", 0));
    }
    List<TrainingIteration> iterations = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      if (c.optionalLong(row, "training_run", 0) == lastRun) {
        iterations.add(
            new TrainingIteration(
                (int) c.number(row, "iteration").longValue(),
                c.number(row, "loss").doubleValue(),
                c.optionalDouble(row, "eval_loss"),
                Double.NaN,
                c.optionalLong(row, "duration_ms", 0)));
      }
    }
    if (iterations.isEmpty()) {
      throw new IllegalArgumentException("ML.TRAINING_INFO returned no iterations");
    }
    iterations.sort(Comparator.comparingInt(TrainingIteration::iteration));
    return iterations;
  }

  /** ML.EVALUATE's single row as metric name → value (NULL metrics left out). */
  static Map<String, Double> evaluation(QueryResult result) {
    if (result.rows().size() != 1) {
      throw new IllegalArgumentException(
          "ML.EVALUATE returned " + result.rows().size() + " rows, expected 1");
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    List<Object> row = result.rows().get(0);
    for (int n = 0; n < result.columns().size(); n++) {
      if (row.get(n) instanceof Number number && !result.columns().get(n).equals("trial_id")) {
        metrics.put(result.columns().get(n), number.doubleValue());
      }
    }
    return metrics;
  }

  /**
   * ML.WEIGHTS rows; the global row has a NULL processed_input and factor_weights. Its feature is
   * matched ignoring case: BigQuery writes {@code global__INTERCEPT__} (Google's own SQL filters on
   * that spelling) while the reference page spells it in lower case, so either is read as {@value
   * WeightsRow#GLOBAL_INTERCEPT_FEATURE}.
   */
  static List<WeightsRow> weights(QueryResult result) {
    Columns c = new Columns(result, "weights");
    List<WeightsRow> rows = new ArrayList<>(result.rows().size());
    for (List<Object> row : result.rows()) {
      String input = (String) c.get(row, "processed_input");
      String feature = String.valueOf(c.require(row, "feature"));
      if (input == null && feature.equalsIgnoreCase(WeightsRow.GLOBAL_INTERCEPT_FEATURE)) {
        feature = WeightsRow.GLOBAL_INTERCEPT_FEATURE;
      }
      List<FactorWeight> factors = new ArrayList<>();
      if (c.get(row, "factor_weights") instanceof List<?> weights) {
        for (Object element : weights) {
          Map<?, ?> struct = (Map<?, ?>) element;
          factors.add(
              new FactorWeight(
                  ((Number) struct.get("factor")).intValue(),
                  ((Number) struct.get("weight")).doubleValue()));
        }
      }
      rows.add(new WeightsRow(input, feature, factors, c.number(row, "intercept").doubleValue()));
    }
    return rows;
  }

  /** Column lookup by name with errors naming the result and column. */
  private record Columns(QueryResult result, String what) {
    Object get(List<Object> row, String column) {
      int index = result.columns().indexOf(column);
      return index < 0 ? null : row.get(index);
    }

    Object require(List<Object> row, String column) {
      if (!result.columns().contains(column)) {
        throw new IllegalArgumentException(
            what + " has no column " + column + " (columns: " + result.columns() + ")");
      }
      Object value = get(row, column);
      if (value == null) {
        throw new IllegalArgumentException(what + " has a NULL " + column);
      }
      return value;
    }

    Number number(List<Object> row, String column) {
      return (Number) require(row, column);
    }

    long optionalLong(List<Object> row, String column, long absent) {
      return get(row, column) instanceof Number number ? number.longValue() : absent;
    }

    double optionalDouble(List<Object> row, String column) {
      return get(row, column) instanceof Number number ? number.doubleValue() : Double.NaN;
    }
  }
}
