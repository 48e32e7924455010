package io.recopipe.infra.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.QueryParameterValue;
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
 * The audit log's rows in an append-only BigQuery table (created by Terraform), appended with a
 * compare-and-append: a DML {@code INSERT … SELECT … WHERE} the table's head is still the one the
 * caller chained to, run under job ids derived from the table and the new row's sequence. The
 * condition refuses a writer whose head went stale; the job ids refuse the second of two writers
 * racing for the same sequence (BigQuery allows one job per id), which the condition alone cannot,
 * since concurrent INSERT statements do not conflict. A sequence's job that failed or changed
 * nothing does not hold it: the next writer tries the sequence's next job id. {@code
 * tabledata.insertAll} has neither: it appends unconditionally and deduplicates only "on a
 * best-effort basis". The hash chain itself is the caller's; this class only stores and reads rows.
 */
public final class BigQueryAuditTable {
  /** The table Terraform creates. */
  public static final String DEFAULT_TABLE = "audit_log";

  static final String COLUMNS = "seq, at, actor, action, subject, detail, prev_hash, hash";

  /**
   * One row as stored; {@code at} is the text the row's hash covers.
   *
   * @param seq 1, 2, … with no gaps
   * @param at when, as hashed
   * @param actor who
   * @param action what
   * @param subject on what
   * @param detail canonical JSON
   * @param prevHash the previous row's hash
   * @param hash this row's hash
   */
  public record Row(
      long seq,
      String at,
      String actor,
      String action,
      String subject,
      String detail,
      String prevHash,
      String hash) {}

  private final BigQueryTableDml table;

  /**
   * The table {@code table} of {@code config}'s dataset, read and written through {@code client}.
   */
  public BigQueryAuditTable(BigQuery client, GcpConfig config, String table, Duration timeout) {
    this.table = new BigQueryTableDml(new BigQueryJobs(client, config, timeout), table);
  }

  /** The default table of {@code config}'s dataset. */
  public static BigQueryAuditTable of(BigQuery client, GcpConfig config) {
    return new BigQueryAuditTable(client, config, DEFAULT_TABLE, Duration.ofMinutes(2));
  }

  /** The newest row, when there is one. */
  public Optional<Row> head() throws WarehouseException {
    return rows("SELECT " + COLUMNS + " FROM " + table.name() + " ORDER BY seq DESC LIMIT 1")
        .stream()
        .findFirst();
  }

  /** Every row, oldest first. */
  public List<Row> rows() throws WarehouseException {
    return rows("SELECT " + COLUMNS + " FROM " + table.name() + " ORDER BY seq");
  }

  /**
   * Appends {@code row} if the table's head is still row {@code row.seq() - 1} with hash {@code
   * row.prevHash()} (an empty table for the first row); returns whether it was appended. False
   * means another writer got there first: read the head again and chain to it.
   */
  public boolean appendIfHead(Row row) throws WarehouseException {
    Map<String, QueryParameterValue> parameters = new LinkedHashMap<>();
    parameters.put("seq", QueryParameterValue.int64(row.seq()));
    parameters.put("at", QueryParameterValue.string(row.at()));
    parameters.put("actor", QueryParameterValue.string(row.actor()));
    parameters.put("action", QueryParameterValue.string(row.action()));
    parameters.put("subject", QueryParameterValue.string(row.subject()));
    parameters.put("detail", QueryParameterValue.string(row.detail()));
    parameters.put("prev_hash", QueryParameterValue.string(row.prevHash()));
    parameters.put("hash", QueryParameterValue.string(row.hash()));
    parameters.put("head_seq", QueryParameterValue.int64(row.seq() - 1));
    String sql =
        "INSERT INTO "
            + table.name()
            + " ("
            + COLUMNS
            + ")\n"
            + "SELECT @seq, @at, @actor, @action, @subject, @detail, @prev_hash, @hash\n"
            + "FROM (SELECT 1)\n"
            + "WHERE IFNULL((SELECT MAX(seq) FROM "
            + table.name()
            + "), 0) = @head_seq\n"
            + "  AND (@head_seq = 0 OR (SELECT hash FROM "
            + table.name()
            + " WHERE seq = @head_seq) = @prev_hash)";
    String slot = "recopipe_" + table.table() + "_" + table.incarnation() + "_" + row.seq();
    return table.dmlInSlot(slot, sql, parameters, "hash").map(n -> n == 1).orElse(false);
  }

  private List<Row> rows(String sql) throws WarehouseException {
    QueryResult result = table.select("audit_read", sql, Map.of());
    List<Row> rows = new ArrayList<>();
    for (List<Object> r : result.rows()) {
      rows.add(
          new Row(
              ((Number) r.get(0)).longValue(),
              text(r.get(1)),
              text(r.get(2)),
              text(r.get(3)),
              text(r.get(4)),
              text(r.get(5)),
              text(r.get(6)),
              text(r.get(7))));
    }
    return rows;
  }

  static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
