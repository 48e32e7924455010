package io.recopipe.infra.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.components.warehouse.WarehouseException;
import java.util.Map;
import java.util.Optional;

/**
 * Parameterized GoogleSQL against one table of the dataset, as jobs.insert query jobs: reads that
 * return rows, and DML whose affected-row count tells a conditional write whether it won, so the
 * audit and approval tables get compare-and-set without a second store. Values always travel as
 * named query parameters, never inside the SQL text.
 */
final class BigQueryTableDml {
  private final BigQueryJobs jobs;
  private final String table;
  private Long incarnation;

  BigQueryTableDml(BigQueryJobs jobs, String table) {
    this.jobs = jobs;
    this.table = table;
  }

  /** The table's name in SQL: {@code `project.dataset.table`}. */
  String name() {
    return "`" + jobs.config().project() + "." + jobs.config().dataset() + "." + table + "`";
  }

  String table() {
    return table;
  }

  /** The rows {@code sql} selects. */
  QueryResult select(String purpose, String sql, Map<String, QueryParameterValue> parameters)
      throws WarehouseException {
    Job job = jobs.run(purpose, query(sql, parameters), "read table " + table);
    return BigQueryWarehouse.results(job, "read table " + table);
  }

  /** Runs DML {@code sql} under a fresh job id; returns the rows it changed. */
  long dml(String purpose, String sql, Map<String, QueryParameterValue> parameters)
      throws WarehouseException {
    Job job = jobs.run(purpose, query(sql, parameters), "write table " + table);
    return affected(job);
  }

  /**
   * Runs DML {@code sql} as job {@code jobId}; empty when a job with that id already exists
   * (BigQuery answers 409 duplicate), which makes the id a lock: of two writers using it only one
   * job runs. Should the client hand back the existing job instead, its parameter {@code mine}
   * tells whose job it was.
   */
  Optional<Long> dmlOnce(
      String jobId, String sql, Map<String, QueryParameterValue> parameters, String mine)
      throws WarehouseException {
    JobId id =
        JobId.newBuilder()
            .setProject(jobs.config().project())
            .setLocation(jobs.config().datasetLocation())
            .setJob(jobId)
            .build();
    try {
      Job job = jobs.run(id, query(sql, parameters), "append to table " + table);
      QueryJobConfiguration ran = job.getConfiguration();
      QueryParameterValue theirs = ran == null ? null : ran.getNamedParameters().get(mine);
      if (theirs == null || !theirs.getValue().equals(parameters.get(mine).getValue())) {
        return Optional.empty();
      }
      return Optional.of(affected(job));
    } catch (WarehouseException e) {
      if (e.getCause() instanceof BigQueryException b && b.getCode() == 409) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The table's creation time (tables.get, read once): it names this incarnation of the table, so
   * job ids derived from it never collide with those of a dropped and re-created one.
   */
  synchronized long incarnation() throws WarehouseException {
    if (incarnation == null) {
      TableId id = jobs.table(table);
      Table found;
      try {
        found = jobs.client().getTable(id);
      } catch (BigQueryException e) {
        throw new WarehouseException("get table " + table + ": " + e.getMessage(), e);
      }
      if (found == null) {
        throw new WarehouseException(
            "table "
                + jobs.config().project()
                + "."
                + jobs.config().dataset()
                + "."
                + table
                + " does not exist (terraform apply creates it)",
            null);
      }
      incarnation = found.getCreationTime() == null ? 0L : found.getCreationTime();
    }
    return incarnation;
  }

  private QueryJobConfiguration query(String sql, Map<String, QueryParameterValue> parameters) {
    return QueryJobConfiguration.newBuilder(sql)
        .setUseLegacySql(false)
        .setNamedParameters(parameters)
        .build();
  }

  private static long affected(Job job) {
    JobStatistics.QueryStatistics statistics = job.getStatistics();
    Long rows = statistics == null ? null : statistics.getNumDmlAffectedRows();
    return rows == null ? 0 : rows;
  }
}
