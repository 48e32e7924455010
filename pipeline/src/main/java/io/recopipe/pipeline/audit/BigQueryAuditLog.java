package io.recopipe.pipeline.audit;

import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.infra.bigquery.BigQueryAuditTable;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.metadata.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gcp profile's audit log: the same hash chain as the home's, stored in the append-only
 * BigQuery table, so who approved and deployed what is kept where the models are. Each append
 * chains to the table's head and stores the row only if that head is still current, reading the
 * head again when another writer got there first.
 */
public final class BigQueryAuditLog implements AuditLog {
  /** How many times an append chains to a fresher head before giving up. */
  static final int ATTEMPTS = 5;

  private final BigQueryAuditTable table;

  /** The log in {@code table}. */
  public BigQueryAuditLog(BigQueryAuditTable table) {
    this.table = table;
  }

  @Override
  public AuditEntry append(
      Instant at, String actor, String action, String subject, Map<String, String> detail) {
    try {
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        Optional<BigQueryAuditTable.Row> head = table.head();
        AuditEntry entry =
            AuditChain.next(
                head.map(BigQueryAuditTable.Row::seq).orElse(0L),
                head.map(BigQueryAuditTable.Row::hash).orElse(AuditChain.GENESIS),
                at,
                actor,
                action,
                subject,
                detail);
        if (table.appendIfHead(row(entry))) {
          return entry;
        }
      }
    } catch (WarehouseException e) {
      throw new OperationFailedException(
          "cannot append to the BigQuery audit log: " + e.getMessage(), e);
    }
    throw new OperationFailedException(
        "cannot append to the BigQuery audit log: its head moved "
            + ATTEMPTS
            + " times while appending ("
            + action
            + " "
            + subject
            + "); try again");
  }

  @Override
  public List<AuditEntry> list() {
    try {
      List<AuditEntry> entries = new ArrayList<>();
      for (BigQueryAuditTable.Row r : table.rows()) {
        entries.add(
            new AuditEntry(
                r.seq(),
                parse(r.at()),
                r.actor(),
                r.action(),
                r.subject(),
                r.detail(),
                r.prevHash(),
                r.hash()));
      }
      return entries;
    } catch (WarehouseException e) {
      throw new OperationFailedException(
          "cannot read the BigQuery audit log: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the table in sequence order and checks the chain: an edited row breaks its own hash, a
   * deleted one leaves a gap, an inserted or reordered one breaks the next row's link.
   */
  @Override
  public AuditVerification verify() {
    return AuditChain.verify(list());
  }

  private static BigQueryAuditTable.Row row(AuditEntry e) {
    return new BigQueryAuditTable.Row(
        e.seq(),
        Timestamps.format(e.at()),
        e.actor(),
        e.action(),
        e.subject(),
        e.detail(),
        e.prevHash(),
        e.hash());
  }

  private static Instant parse(String at) {
    Instant parsed = Timestamps.parse(at);
    return parsed == null ? Instant.EPOCH : parsed;
  }
}
