package io.recopipe.components.hybrid;

import io.recopipe.components.warehouse.Column;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.metrics.RegressionMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code hybrid_evaluation} warehouse table: one row per predictor ({@code mf}, {@code hybrid},
 * and on the cold-start users {@code intercept_only_cold} and {@code hybrid_cold}) in ML.EVALUATE's
 * columns, so MF and the hybrid can be queried side by side.
 */
public final class HybridTable {
  /** The table name. */
  public static final String NAME = "hybrid_evaluation";

  private HybridTable() {}

  /** Columns: model, the ML.EVALUATE metrics (DOUBLE) and eval_rows. */
  public static List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("model", "VARCHAR"));
    for (RegressionMetric metric : RegressionEvaluator.metrics()) {
      columns.add(new Column(metric.name(), "DOUBLE"));
    }
    columns.add(new Column("eval_rows", "BIGINT"));
    return columns;
  }

  /** One row per predictor of {@code report}. */
  public static List<List<Object>> rows(HybridReport report) {
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, Double>> model : report.models().entrySet()) {
      List<Object> row = new ArrayList<>();
      row.add(model.getKey());
      for (RegressionMetric metric : RegressionEvaluator.metrics()) {
        Double value = model.getValue().get(metric.name());
        row.add(value == null || value.isNaN() ? null : value);
      }
      row.add(report.rows().get(model.getKey()));
      rows.add(row);
    }
    return rows;
  }
}
