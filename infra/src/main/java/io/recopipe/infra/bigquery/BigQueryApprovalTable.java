package io.recopipe.infra.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.infra.config.GcpConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The approval requests of the gcp profile in a BigQuery table (created by Terraform), one row per
 * model version, written only by conditional DML so that each state change is a compare-and-set: a
 * request is inserted only where none exists, and a decision updates only a row still {@code
 * PENDING}; the affected-row count says who won, so of two reviewers deciding at once exactly one
 * decision stands.
 */
public final class BigQueryApprovalTable {
  /** The table Terraform creates. */
  public static final String DEFAULT_TABLE = "approvals";

  static final String COLUMNS =
      "pipeline, version, run_id, state, requested_at, expires_at, started_by, decided_by,"
          + " decided_at, comment";

  /**
   * One approval as stored (times as ISO-8601 text).
   *
   * @param pipeline the pipeline
   * @param version the registry version
   * @param runId the run (Vertex pipeline job) that waits
   * @param state PENDING, APPROVED, REJECTED or EXPIRED
   * @param requestedAt when it started waiting
   * @param expiresAt when it expires
   * @param startedBy who started the run
   * @param decidedBy who decided, when decided
   * @param decidedAt when, when decided
   * @param comment the decision's comment, when decided
   */
  public record Row(
      String pipeline,
      long version,
      String runId,
      String state,
      String requestedAt,
      String expiresAt,
      String startedBy,
      Optional<String> decidedBy,
      Optional<String> decidedAt,
      Optional<String> comment) {}

  private final BigQueryTableDml table;

  /**
   * The table {@code table} of {@code config}'s dataset, read and written through {@code client}.
   */
  public BigQueryApprovalTable(BigQuery client, GcpConfig config, String table, Duration timeout) {
    this.table = new BigQueryTableDml(new BigQueryJobs(client, config, timeout), table);
  }

  /** The default table of {@code config}'s dataset. */
  public static BigQueryApprovalTable of(BigQuery client, GcpConfig config) {
    return new BigQueryApprovalTable(client, config, DEFAULT_TABLE, Duration.ofMinutes(2));
  }

  /** Inserts {@code row} unless its version already has a row; returns whether it did. */
  public boolean insert(Row row) throws WarehouseException {
    Map<String, QueryParameterValue> p = key(row.pipeline(), row.version());
    p.put("run_id", QueryParameterValue.string(row.runId()));
    p.put("state", QueryParameterValue.string(row.state()));
    p.put("requested_at", QueryParameterValue.string(row.requestedAt()));
    p.put("expires_at", QueryParameterValue.string(row.expiresAt()));
    p.put("started_by", QueryParameterValue.string(row.startedBy()));
    String sql =
        "INSERT INTO "
            + table.name()
            + " ("
            + COLUMNS
            + ")\n"
            + "SELECT @pipeline, @version, @run_id, @state, @requested_at, @expires_at,"
            + " @started_by, NULL, NULL, NULL\n"
            + "FROM (SELECT 1)\n"
            + "WHERE NOT EXISTS (SELECT 1 FROM "
            + table.name()
            + " WHERE pipeline = @pipeline AND version = @version)";
    return table.dml("approval_request", sql, p) == 1;
  }

  /**
   * Moves the version's approval from {@code from} to {@code to}, recording {@code decidedBy},
   * {@code decidedAt} and {@code comment} (NULLs when empty); returns whether a row in state {@code
   * from} was there to move.
   */
  public boolean transition(
      String pipeline,
      long version,
      String from,
      String to,
      Optional<String> decidedBy,
      Optional<String> decidedAt,
      Optional<String> comment)
      throws WarehouseException {
    Map<String, QueryParameterValue> p = key(pipeline, version);
    p.put("from_state", QueryParameterValue.string(from));
    p.put("to_state", QueryParameterValue.string(to));
    p.put("decided_by", nullable(decidedBy));
    p.put("decided_at", nullable(decidedAt));
    p.put("comment", nullable(comment));
    String sql =
        "UPDATE "
            + table.name()
            + "\nSET state = @to_state, decided_by = @decided_by, decided_at = @decided_at,"
            + " comment = @comment\n"
            + "WHERE pipeline = @pipeline AND version = @version AND state = @from_state";
    return table.dml("approval_decide", sql, p) == 1;
  }

  /** Deletes the version's approval while it is still {@code PENDING} (undoing a request). */
  public boolean withdraw(String pipeline, long version) throws WarehouseException {
    String sql =
        "DELETE FROM "
            + table.name()
            + "\nWHERE pipeline = @pipeline AND version = @version AND state = 'PENDING'";
    return table.dml("approval_withdraw", sql, key(pipeline, version)) == 1;
  }

  /** The approval of {@code version}. */
  public Optional<Row> find(String pipeline, long version) throws WarehouseException {
    return select("WHERE pipeline = @pipeline AND version = @version", key(pipeline, version))
        .stream()
        .findFirst();
  }

  /** The approval of run {@code runId}. */
  public Optional<Row> forRun(String runId) throws WarehouseException {
    Map<String, QueryParameterValue> p = new LinkedHashMap<>();
    p.put("run_id", QueryParameterValue.string(runId));
    return select("WHERE run_id = @run_id", p).stream().findFirst();
  }

  /** Every approval of {@code pipeline} in {@code state}, oldest first. */
  public List<Row> inState(String pipeline, String state) throws WarehouseException {
    Map<String, QueryParameterValue> p = new LinkedHashMap<>();
    p.put("pipeline", QueryParameterValue.string(pipeline));
    p.put("state", QueryParameterValue.string(state));
    return select(
        "WHERE pipeline = @pipeline AND state = @state ORDER BY requested_at, version", p);
  }

  private List<Row> select(String where, Map<String, QueryParameterValue> parameters)
      throws WarehouseException {
    QueryResult result =
        table.select(
            "approval_read",
            "SELECT " + COLUMNS + " FROM " + table.name() + " " + where,
            parameters);
    List<Row> rows = new ArrayList<>();
    for (List<Object> r : result.rows()) {
      rows.add(
          new Row(
              BigQueryAuditTable.text(r.get(0)),
              ((Number) r.get(1)).longValue(),
              BigQueryAuditTable.text(r.get(2)),
              BigQueryAuditTable.text(r.get(3)),
              BigQueryAuditTable.text(r.get(4)),
              BigQueryAuditTable.text(r.get(5)),
              BigQueryAuditTable.text(r.get(6)),
              Optional.ofNullable(r.get(7)).map(Object::toString),
              Optional.ofNullable(r.get(8)).map(Object::toString),
              Optional.ofNullable(r.get(9)).map(Object::toString)));
    }
    return rows;
  }

  private static Map<String, QueryParameterValue> key(String pipeline, long version) {
    Map<String, QueryParameterValue> p = new LinkedHashMap<>();
    p.put("pipeline", QueryParameterValue.string(pipeline));
    p.put("version", QueryParameterValue.int64(version));
    return p;
  }

  private static QueryParameterValue nullable(Optional<String> value) {
    return value
        .map(QueryParameterValue::string)
        .orElse(QueryParameterValue.of(null, StandardSQLTypeName.STRING));
  }
}
