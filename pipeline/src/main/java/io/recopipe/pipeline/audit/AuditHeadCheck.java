package io.recopipe.pipeline.audit;

import io.recopipe.pipeline.metadata.AuditHeadFile;
import io.recopipe.pipeline.metadata.AuditHeadFile.Head;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks an intact chain's end against its sealed head (the settings row, updated with the entries)
 * and the head's copy in a file, both verified with the audit key, because only a head that cannot
 * be forged without the key notices the newest entries being cut off or re-hashed. The BigQuery
 * log's {@link AuditAnchor} has its head judged by {@link #mismatch} too, so both logs say the same
 * of the same damage.
 *
 * @param sealed the sealed head's text in the database, when present
 * @param copy the copy file's text, when present
 * @param key the audit key, when its file exists
 * @param keyFile where the key lives (for messages)
 * @param copyFile where the copy lives (for messages)
 */
record AuditHeadCheck(
    Optional<String> sealed,
    Optional<String> copy,
    Optional<byte[]> key,
    Path keyFile,
    Path copyFile) {

  /** The verdict for {@code entries}, whose chain verified as {@code chain}. */
  AuditVerification check(List<AuditEntry> entries, AuditVerification chain) {
    int n = entries.size();
    if (n == 0) {
      return chain;
    }
    if (key.isEmpty()) {
      return broken(
          n,
          n,
          "the audit key "
              + keyFile
              + " is missing, so the log's end cannot "
              + "be checked; restore it from a backup");
    }
    if (sealed.isEmpty()) {
      return broken(
          n,
          n,
          "the sealed head (settings row "
              + AuditHeadFile.SETTING
              + ") is missing: it was deleted, or the log no longer matched its head copy when this"
              + " home was upgraded");
    }
    String where = "its sealed head";
    Optional<AuditVerification> bad = problem(entries, sealed.get(), where, false);
    if (bad.isPresent()) {
      return bad.get();
    }
    if (copy.isEmpty()) {
      return broken(
          n, n, "the head copy " + copyFile + " was deleted while the log has " + n + " entries");
    }
    bad = problem(entries, copy.get(), "its head copy (" + copyFile + ")", true);
    if (bad.isPresent()) {
      return bad.get();
    }
    long copied = Head.parse(copy.get()).orElseThrow().seq();
    String lag =
        copied < n
            ? "; the head copy is " + entries(n - copied) + " behind (written after commit)"
            : "";
    return new AuditVerification(
        true, n, OptionalLong.empty(), chain.message() + "; its end matches the sealed head" + lag);
  }

  /** What is wrong with {@code text} as the head of {@code entries}, if anything. */
  private Optional<AuditVerification> problem(
      List<AuditEntry> entries, String text, String where, boolean mayLag) {
    int n = entries.size();
    Optional<Head> parsed = Head.parse(text);
    if (parsed.isEmpty()) {
      return Optional.of(broken(n, n, where + " is malformed: expected 'SEQ HASH MAC'"));
    }
    Head head = parsed.get();
    if (!head.sealedBy(key.orElseThrow())) {
      return Optional.of(
          broken(
              n,
              Math.min(n, Math.max(head.seq(), 1)),
              where + " was rewritten without the audit key (its MAC does not verify)"));
    }
    Optional<AuditVerification> mismatch = mismatch(entries, head.seq(), head.hash(), where);
    if (mismatch.isPresent()) {
      return mismatch;
    }
    if (head.seq() < n && !mayLag) {
      return Optional.of(
          broken(
              n,
              head.seq() + 1,
              "entries "
                  + (head.seq() + 1)
                  + ".."
                  + n
                  + " come after "
                  + where
                  + " (entry "
                  + head.seq()
                  + "): they were added without"
                  + " the audit key"));
    }
    return Optional.empty();
  }

  /**
   * What is wrong with the head {@code seq}/{@code hash} read from {@code where} as the end of the
   * intact chain {@code entries}, if anything: entries cut off after it, or the history rewritten
   * up to it. Every log's head (the sealed one, its copy, the BigQuery log's anchor) is judged
   * here, so each says the same of the same damage.
   */
  static Optional<AuditVerification> mismatch(
      List<AuditEntry> entries, long seq, String hash, String where) {
    int n = entries.size();
    if (seq > n) {
      return Optional.of(
          broken(
              n,
              n + 1,
              "the log ends at entry "
                  + n
                  + " but "
                  + where
                  + " says entry "
                  + seq
                  + ": entries "
                  + (n + 1)
                  + ".."
                  + seq
                  + " were cut off"));
    }
    if (!hashAt(entries, seq).equals(hash)) {
      return Optional.of(
          broken(
              n,
              Math.max(seq, 1),
              "entry "
                  + seq
                  + " differs from "
                  + where
                  + ": the history was rewritten from there on"));
    }
    return Optional.empty();
  }

  /** The hash of entry {@code seq} of {@code entries} (the genesis for 0). */
  static String hashAt(List<AuditEntry> entries, long seq) {
    return seq == 0 ? AuditChain.GENESIS : entries.get((int) seq - 1).hash();
  }

  /** {@code n} entries, in words ("1 entry", "2 entries"). */
  static String entries(long n) {
    return n + (n == 1 ? " entry" : " entries");
  }

  /** A broken verdict for a log of {@code count} entries, first broken at {@code seq}. */
  static AuditVerification broken(int count, long seq, String why) {
    return new AuditVerification(
        false, count, OptionalLong.of(seq), "audit log BROKEN at entry " + seq + ": " + why);
  }
}
