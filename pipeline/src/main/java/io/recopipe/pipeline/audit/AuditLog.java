package io.recopipe.pipeline.audit;

import io.recopipe.model.io.Json;
import io.recopipe.pipeline.metadata.AuditHeadFile;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.Timestamps;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The append-only, hash-chained audit log of every registry, approval, reviewer and schedule
 * action, so tampering with the history of who promoted what is detected: each row's hash covers
 * the previous row's hash, so an edited, inserted or deleted row breaks the chain from there on.
 *
 * <p>A chain alone cannot notice the newest rows being cut off; {@link #verify()} therefore also
 * checks the head sealed with the home's audit key (see {@link AuditHeadFile}).
 */
public final class AuditLog {
  private static final String COLUMNS = "seq, at, actor, action, subject, detail, prev_hash, hash";

  private final MetadataStore store;

  /** The log in {@code store}. */
  public AuditLog(MetadataStore store) {
    this.store = store;
  }

  /**
   * Appends an entry inside the caller's write transaction on {@code connection}, so the action and
   * its audit row commit together (or not at all).
   */
  public static AuditEntry append(
      Connection connection,
      Instant at,
      String actor,
      String action,
      String subject,
      Map<String, String> detail)
      throws SQLException {
    long seq = 1;
    String prev = AuditHash.GENESIS;
    try (PreparedStatement ps =
            connection.prepareStatement(
                "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        seq = rs.getLong(1) + 1;
        prev = rs.getString(2);
      }
    }
    String when = Timestamps.format(at);
    String details = canonicalJson(detail);
    String hash = AuditHash.of(prev, seq, when, actor, action, subject, details);
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, seq);
      ps.setString(2, when);
      ps.setString(3, actor);
      ps.setString(4, action);
      ps.setString(5, subject);
      ps.setString(6, details);
      ps.setString(7, prev);
      ps.setString(8, hash);
      ps.executeUpdate();
    }
    return new AuditEntry(seq, Timestamps.parse(when), actor, action, subject, details, prev, hash);
  }

  /** Appends an entry in its own transaction. */
  public AuditEntry append(
      Instant at, String actor, String action, String subject, Map<String, String> detail) {
    return store.write(c -> append(c, at, actor, action, subject, detail));
  }

  /** Every entry, oldest first. */
  public List<AuditEntry> list() {
    return store.read(
        c -> {
          List<AuditEntry> entries = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              entries.add(
                  new AuditEntry(
                      rs.getLong(1),
                      Timestamps.parse(rs.getString(2)),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8)));
            }
          }
          return entries;
        });
  }

  /**
   * Recomputes the chain and says whether, and where, it breaks; then checks its end against the
   * head sealed with the home's audit key (and its copy beside the database), which catches the
   * newest entries being cut off or re-hashed by someone without the key.
   */
  public AuditVerification verify() {
    List<AuditEntry> entries = list();
    AuditVerification chain = AuditVerifier.verify(entries);
    if (!chain.intact()) {
      return chain;
    }
    AuditHeadFile head = store.auditHead();
    try {
      return new AuditHeadCheck(
              store.read(AuditHeadFile::readSealed),
              head.readCopy(),
              head.key().read(),
              head.key().file(),
              head.file())
          .check(entries, chain);
    } catch (IOException e) {
      return new AuditVerification(
          false,
          entries.size(),
          OptionalLong.empty(),
          "audit log BROKEN: cannot read its key or head copy: " + e.getMessage());
    }
  }

  static String canonicalJson(Map<String, String> detail) {
    return Json.compact(Json.valueOf(new TreeMap<>(detail)));
  }
}
