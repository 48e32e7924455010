package io.recopipe.pipeline.audit;

import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.infra.bigquery.BigQueryAuditTable;
import io.recopipe.infra.gcs.GcsHeadAnchor;
import io.recopipe.infra.profile.GcpProfile;
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
 * head again when another writer got there first (an append that failed holds no sequence: the next
 * writer appends the same sequence under a fresh job); then it moves the log's head anchor in Cloud
 * Storage ({@link AuditAnchor}), which is what lets {@link #verify} notice the newest rows being
 * deleted.
 */
public final class BigQueryAuditLog implements AuditLog {
  /** How many times an append chains to a fresher head before giving up. */
  static final int ATTEMPTS = 5;

  private final BigQueryAuditTable table;
  private final AuditAnchor anchor;

  /** The log in {@code table}, its head anchored in {@code anchor}. */
  public BigQueryAuditLog(BigQueryAuditTable table, GcsHeadAnchor anchor) {
    this.table = table;
    this.anchor = new AuditAnchor(anchor);
  }

  /** The log of {@code profile}: its dataset's audit table, anchored in its bucket. */
  public static BigQueryAuditLog of(GcpProfile profile) {
    return new BigQueryAuditLog(profile.auditTable(), profile.auditAnchor());
  }

  @Override
  public AuditEntry append(
      Instant at, String actor, String action, String subject, Map<String, String> detail) {
    try {
      Optional<GcsHeadAnchor.Head> anchored = Optional.empty();
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        Optional<BigQueryAuditTable.Row> head = table.head();
        if (attempt == 1) {
          anchored = anchor.prepare(head.map(BigQueryAuditTable.Row::seq).orElse(0L));
        }
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
          anchor.advance(anchored, entry, this::list);
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
   * deleted one leaves a gap, an inserted or reordered one breaks the next row's link; then checks
   * its end against the head anchor, which catches the newest rows being deleted.
   */
  @Override
  public AuditVerification verify() {
    List<AuditEntry> entries = list();
    return anchor.check(entries, AuditChain.verify(entries));
  }

  /** {@code e} as the table stores it. */
  static BigQueryAuditTable.Row row(AuditEntry e) {
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
