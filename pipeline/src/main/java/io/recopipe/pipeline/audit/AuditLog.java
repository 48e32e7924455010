package io.recopipe.pipeline.audit;

import io.recopipe.pipeline.metadata.MetadataStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The append-only, hash-chained audit log of every registry, approval, reviewer and schedule
 * action, so tampering with the history of who promoted what is detected.
 */
public final class AuditLog {
  private final MetadataStore store;

  /** The log in {@code store}. */
  public AuditLog(MetadataStore store) {
    this.store = store;
  }

  /**
   * Appends an entry inside the caller's write transaction on {@code connection}, so the action
   * and its audit row commit together.
   */
  public static AuditEntry append(Connection connection, Instant at, String actor, String action,
      String subject, Map<String, String> detail) throws SQLException {
    throw new UnsupportedOperationException("issue 5");
  }

  /** Appends an entry in its own transaction. */
  public AuditEntry append(Instant at, String actor, String action, String subject,
      Map<String, String> detail) {
    throw new UnsupportedOperationException("issue 5 " + store.file());
  }

  /** Every entry, oldest first. */
  public List<AuditEntry> list() {
    throw new UnsupportedOperationException("issue 5");
  }

  /** Recomputes the chain. */
  public AuditVerification verify() {
    throw new UnsupportedOperationException("issue 5");
  }
}
