package io.recopipe.pipeline.audit;

import io.recopipe.model.io.Json;
import io.recopipe.pipeline.metadata.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the next audit row follows the head, written once for every store of the log, so a row
 * appended to SQLite and one appended to BigQuery carry the same sequence, canonical detail and
 * hash, and {@link #verify} checks either the same way.
 */
public final class AuditChain {
  /** The previous hash of the first row. */
  public static final String GENESIS = AuditHash.GENESIS;

  private AuditChain() {}

  /**
   * The entry after the head {@code headSeq}/{@code headHash} ({@code 0}/{@link #GENESIS} for an
   * empty log): its time at the log's precision, its detail as canonical JSON, and its hash.
   */
  public static AuditEntry next(
      long headSeq,
      String headHash,
      Instant at,
      String actor,
      String action,
      String subject,
      Map<String, String> detail) {
    long seq = headSeq + 1;
    String when = Timestamps.format(at);
    String details = canonicalJson(detail);
    String hash = AuditHash.of(headHash, seq, when, actor, action, subject, details);
    return new AuditEntry(
        seq, Timestamps.parse(when), actor, action, subject, details, headHash, hash);
  }

  /** Walks {@code entries} (oldest first) and names the first row that breaks the chain. */
  public static AuditVerification verify(List<AuditEntry> entries) {
    return AuditVerifier.verify(entries);
  }

  static String canonicalJson(Map<String, String> detail) {
    return Json.compact(Json.valueOf(new TreeMap<>(detail)));
  }
}
