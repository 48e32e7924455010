package io.recopipe.components.train;

import io.recopipe.components.warehouse.Column;
import io.recopipe.model.als.TrainingIteration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code training_info} warehouse table in ML.TRAINING_INFO's columns, so users query a
 * recopipe fit's convergence with the SQL they already use against BigQuery ML.
 */
public final class TrainingInfoTable {
  /** The table name. */
  public static final String NAME = "training_info";

  /** Columns: training_run, iteration, loss, eval_loss, learning_rate, duration_ms. */
  public static final List<Column> COLUMNS =
      List.of(
          new Column("training_run", "BIGINT"),
          new Column("iteration", "BIGINT"),
          new Column("loss", "DOUBLE"),
          new Column("eval_loss", "DOUBLE"),
          new Column("learning_rate", "DOUBLE"),
          new Column("duration_ms", "BIGINT"));

  private TrainingInfoTable() {}

  /**
   * One row per iteration; {@code eval_loss} is NULL without an eval set, {@code learning_rate}
   * always NULL (ALS has none, as in BigQuery ML), and {@code duration_ms} NULL when {@code
   * withDurations} is false (the bundle does not store durations, see {@link TrainComponent}).
   */
  static List<List<Object>> rows(List<TrainingIteration> iterations, boolean withDurations) {
    List<List<Object>> rows = new ArrayList<>(iterations.size());
    for (TrainingIteration it : iterations) {
      rows.add(
          Arrays.asList(
              0L,
              (long) it.iteration(),
              nullIfNaN(it.loss()),
              it.hasEvalLoss() ? nullIfNaN(it.evalLoss()) : null,
              null,
              withDurations ? (Object) it.durationMs() : null));
    }
    return rows;
  }

  private static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
