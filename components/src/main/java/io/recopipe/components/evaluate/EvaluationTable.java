package io.recopipe.components.evaluate;

import io.recopipe.components.warehouse.Column;
import io.recopipe.model.metrics.ImplicitEvaluator;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.metrics.RegressionMetric;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code evaluation} warehouse table: one row per model scored on the eval split ({@code
 * candidate}, and {@code champion} when there is one) in ML.EVALUATE's columns, so the comparison
 * behind a gate decision can be queried. The explicit columns come first, then the implicit ones
 * not already there ({@code mean_average_precision}, {@code normalized_discounted_cumulative_gain},
 * {@code average_rank}); a model fills only its kind's columns, the others are NULL.
 */
public final class EvaluationTable {
  /** The table name. */
  public static final String NAME = "evaluation";

  private EvaluationTable() {}

  /** The metric columns: explicit, then the implicit ones not already among them. */
  static List<String> metricNames() {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    for (RegressionMetric metric : RegressionEvaluator.metrics()) {
      names.add(metric.name());
    }
    names.addAll(ImplicitEvaluator.COLUMNS);
    return List.copyOf(names);
  }

  /** Columns: model, the ML.EVALUATE metrics (DOUBLE), eval_rows and cold_start_rows. */
  public static List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("model", "VARCHAR"));
    for (String name : metricNames()) {
      columns.add(new Column(name, "DOUBLE"));
    }
    columns.add(new Column(ModelScores.ROWS, "BIGINT"));
    columns.add(new Column(ModelScores.COLD_START_ROWS, "BIGINT"));
    return columns;
  }

  /** The rows of {@code report}: candidate first. */
  static List<List<Object>> rows(MetricsReport report) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row("candidate", report.candidate()));
    report.champion().ifPresent(c -> rows.add(row("champion", c)));
    return rows;
  }

  private static List<Object> row(String model, ModelScores scores) {
    List<Object> row = new ArrayList<>();
    row.add(model);
    for (String name : metricNames()) {
      double value = scores.get(name);
      row.add(Double.isNaN(value) ? null : value);
    }
    row.add(scores.rows());
    row.add(scores.coldStartRows());
    return row;
  }
}
