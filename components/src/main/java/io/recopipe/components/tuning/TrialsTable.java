package io.recopipe.components.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.recopipe.components.warehouse.Column;
import io.recopipe.model.io.JsonFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code trials} warehouse table in ML.TRIAL_INFO's columns, with its {@code hyperparameters}
 * struct and {@code hparam_tuning_evaluation_metrics} flattened to plain columns (the common subset
 * of DuckDB and BigQuery), so a tuning run is queryable like BigQuery ML's; built from {@code
 * trials.json} so a cache hit republishes the same rows.
 */
public final class TrialsTable {
  /** The table name. */
  public static final String NAME = "trials";

  /** Columns, ML.TRIAL_INFO's order with the hyperparameters and objective spelled out. */
  public static final List<Column> COLUMNS =
      List.of(
          new Column("trial_id", "BIGINT"),
          new Column("num_factors", "BIGINT"),
          new Column("l2_reg", "DOUBLE"),
          new Column("wals_alpha", "DOUBLE"),
          new Column("objective", "VARCHAR"),
          new Column("objective_value", "DOUBLE"),
          new Column("training_loss", "DOUBLE"),
          new Column("eval_loss", "DOUBLE"),
          new Column("status", "VARCHAR"),
          new Column("error_message", "VARCHAR"),
          new Column("is_optimal", "BOOLEAN"),
          new Column("duration_ms", "BIGINT"));

  private TrialsTable() {}

  /** One row per trial of a {@code trials.json}; {@code wals_alpha} NULL for explicit runs. */
  static List<List<Object>> rows(ObjectNode trialsJson) {
    String objective = JsonFields.string(trialsJson, "objective");
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode value : JsonFields.array(trialsJson, "trials")) {
      ObjectNode trial = JsonFields.asObject(value);
      rows.add(
          Arrays.asList(
              JsonFields.longValue(trial, "trial_id"),
              JsonFields.longValue(trial, "num_factors"),
              JsonFields.doubleValue(trial, "l2_reg"),
              optional(trial, "wals_alpha"),
              objective,
              optional(trial, "objective"),
              optional(trial, "training_loss"),
              optional(trial, "eval_loss"),
              JsonFields.string(trial, "status"),
              trial.get("error_message") instanceof TextNode text ? text.textValue() : null,
              JsonFields.bool(trial, "is_optimal"),
              JsonFields.longValue(trial, "duration_ms")));
    }
    return rows;
  }

  private static Double optional(ObjectNode trial, String key) {
    double value = trial.has(key) ? JsonFields.doubleOrNaN(trial, key) : Double.NaN;
    return Double.isNaN(value) ? null : value;
  }
}
