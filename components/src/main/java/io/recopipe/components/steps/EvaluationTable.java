package io.recopipe.components.steps;

import io.recopipe.components.warehouse.Column;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.metrics.RegressionMetric;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code evaluation} warehouse table: one row per model scored on the eval split
 * ({@code candidate}, and {@code champion} when there is one) in ML.EVALUATE's columns, so the
 * comparison behind a gate decision can be queried.
 */
public final class EvaluationTable {
  /** The table name. */
  public static final String NAME = "evaluation";

  private EvaluationTable() {
  }

  /** Columns: model, the ML.EVALUATE metrics (DOUBLE), eval_rows and cold_start_rows. */
  public static List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("model", "VARCHAR"));
    for (RegressionMetric metric : RegressionEvaluator.metrics()) {
      columns.add(new Column(metric.name(), "DOUBLE"));
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
    for (RegressionMetric metric : RegressionEvaluator.metrics()) {
      double value = scores.get(metric.name());
      row.add(Double.isNaN(value) ? null : value);
    }
    row.add(scores.rows());
    row.add(scores.coldStartRows());
    return row;
  }
}
