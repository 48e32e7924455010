package io.recopipe.pipeline.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The append-only, hash-chained audit log of every registry, approval, reviewer and schedule
 * action, so tampering with the history of who promoted what is detected: each row's hash covers
 * the previous row's hash, so an edited, inserted or deleted row breaks the chain from there on.
 * The home keeps it in SQLite ({@link SqliteAuditLog}); the gcp profile in a BigQuery table ({@link
 * BigQueryAuditLog}); both chain and verify rows the same way ({@link AuditChain}).
 */
public interface AuditLog {
  /** Appends an entry in its own transaction and returns it with its sequence and hash. */
  AuditEntry append(
      Instant at, String actor, String action, String subject, Map<String, String> detail);

  /** Every entry, oldest first. */
  List<AuditEntry> list();

  /** Recomputes the chain and says whether, and where, it breaks. */
  AuditVerification verify();

  /**
   * Appends an entry to the home's SQLite log inside the caller's write transaction on {@code
   * connection}, so the action and its audit row commit together (or not at all).
   */
  static AuditEntry append(
      Connection connection,
      Instant at,
      String actor,
      String action,
      String subject,
      Map<String, String> detail)
      throws SQLException {
    return SqliteAuditLog.append(connection, at, actor, action, subject, detail);
  }
}
