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
import java.util.UUID;

/**
 * Parameterized GoogleSQL against one table of the dataset, as jobs.insert query jobs: reads that
 * return rows, and DML whose affected-row count tells a conditional write whether it won, so the
 * audit and approval tables get compare-and-set without a second store. Values always travel as
 * named query parameters, never inside the SQL text.
 */
final class BigQueryTableDml {
  /** The job label naming the call that created a job ({@link #dmlInSlot}). */
  static final String CALL_LABEL = "recopipe_call";

  private final BigQueryJobs jobs;
  private final String table;
  private Long incarnation;
  private String deadSlot;
  private int deadAttempts;

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
   * Runs DML {@code sql} as the one job allowed to write {@code slot} (such as one sequence of the
   * audit log); returns the rows it changed, or empty when another writer's job for the slot
   * changed rows first. BigQuery runs one job per id and never reuses an id, not even a failed
   * job's, so the slot is tried as job {@code slot_0}, {@code slot_1}, …, and a job id is tried
   * only once the job holding the one before is known dead: it failed, or it ran and changed
   * nothing (its condition was false, such as a writer chained to a stale head). The jobs of a slot
   * thus run one after another, each seeing what the one before wrote, which the condition alone
   * cannot guarantee, since concurrent INSERT statements do not conflict.
   *
   * <p>The job found under an id is this call's own when it carries this call's label {@value
   * #CALL_LABEL} (the client retried jobs.insert and hands back the job its first try created); its
   * failure is then this call's, thrown. Another call's job that changed rows with this call's
   * value of parameter {@code same} (the same row) counts as this call's success.
   */
  Optional<Long> dmlInSlot(
      String slot, String sql, Map<String, QueryParameterValue> parameters, String same)
      throws WarehouseException {
    String what = "append to table " + table;
    String call = UUID.randomUUID().toString().replace("-", "");
    QueryJobConfiguration configuration =
        query(sql, parameters).toBuilder().setLabels(Map.of(CALL_LABEL, call)).build();
    for (int attempt = firstUntried(slot); ; attempt++) {
      JobId id =
          JobId.newBuilder()
              .setProject(jobs.config().project())
              .setLocation(jobs.config().datasetLocation())
              .setJob(slot + "_" + attempt)
              .build();
      Job job = jobs.claim(id, configuration, what);
      QueryJobConfiguration ran = job.getConfiguration();
      if (ran != null && ran.getLabels() != null && call.equals(ran.getLabels().get(CALL_LABEL))) {
        return Optional.of(affected(BigQueryJobs.succeeded(job, id, what)));
      }
      if (BigQueryJobs.error(job).isEmpty() && affected(job) > 0) {
        QueryParameterValue theirs = ran == null ? null : ran.getNamedParameters().get(same);
        boolean sameRow =
            theirs != null && theirs.getValue().equals(parameters.get(same).getValue());
        return sameRow ? Optional.of(affected(job)) : Optional.empty();
      }
      dead(slot, attempt);
    }
  }

  /** The first attempt of {@code slot} not known dead in this process (a hint; 0 if unknown). */
  private synchronized int firstUntried(String slot) {
    return slot.equals(deadSlot) ? deadAttempts : 0;
  }

  private synchronized void dead(String slot, int attempt) {
    if (!slot.equals(deadSlot) || deadAttempts <= attempt) {
      deadSlot = slot;
      deadAttempts = attempt + 1;
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
