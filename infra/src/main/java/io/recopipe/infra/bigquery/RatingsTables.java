package io.recopipe.infra.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Table;
import io.recopipe.components.api.StepLog;
import io.recopipe.components.warehouse.StagedTables;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.model.data.Ratings;

/**
 * Finds the BigQuery table holding a split's ratings: ingest's table when its row count matches the
 * ratings the step was given, else a {@code bqml_}-prefixed table of the run (never shared with a
 * concurrent run) loaded from them, so the model is always fitted on the data whose fingerprint the
 * bundle records without uploading ratings that are already there.
 */
final class RatingsTables {
  private final BigQueryWarehouse warehouse;
  private final BqmlSql sql;

  RatingsTables(BigQueryWarehouse warehouse, BqmlSql sql) {
    this.warehouse = warehouse;
    this.sql = sql;
  }

  /**
   * The table to read split {@code name} ({@code train} or {@code eval}) from; run {@code runId}'s
   * staged copy comes first, as ingest of the same run wrote it there.
   */
  String tableFor(String name, Ratings ratings, String runId, StepLog log)
      throws WarehouseException {
    String staged = BigQueryWarehouse.stagedName(StagedTables.keyOfRun(runId), name);
    Long stagedRows = rowCount(staged);
    if (stagedRows != null && stagedRows == ratings.size()) {
      log.info(
          "using this run's staged table "
              + sql.qualified(staged)
              + " ("
              + stagedRows
              + " ratings)");
      return staged;
    }
    Long rows = rowCount(name);
    if (rows != null && rows == ratings.size()) {
      log.info("using table " + sql.qualified(name) + " (" + rows + " ratings)");
      return name;
    }
    String loaded = "bqml_" + name + StagedTables.SEPARATOR + StagedTables.keyOfRun(runId);
    log.info(
        "table "
            + sql.qualified(name)
            + " has "
            + (rows == null ? "no" : rows.toString())
            + " rows, not the "
            + ratings.size()
            + " ratings given: loading them into "
            + sql.qualified(loaded));
    warehouse.replaceTable(loaded, RatingsRows.COLUMNS, RatingsRows.of(ratings));
    return loaded;
  }

  /** The table's row count from its metadata (free, unlike COUNT(*)); null when absent. */
  private Long rowCount(String name) throws WarehouseException {
    BigQueryJobs jobs = warehouse.jobs();
    try {
      Table table = jobs.client().getTable(jobs.table(name));
      return table == null || table.getNumRows() == null ? null : table.getNumRows().longValue();
    } catch (BigQueryException e) {
      throw new WarehouseException("table " + name + ": " + e.getMessage(), e);
    }
  }
}
