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
 * be forged without the key notices the newest entries being cut off or re-hashed.
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
            ? "; the head copy is "
                + (n - copied)
                + " entr"
                + (n - copied == 1 ? "y" : "ies")
                + " behind (written after commit)"
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
    if (head.seq() > n) {
      return Optional.of(
          broken(
              n,
              n + 1,
              "the log ends at entry "
                  + n
                  + " but "
                  + where
                  + " says entry "
                  + head.seq()
                  + ": entries "
                  + (n + 1)
                  + ".."
                  + head.seq()
                  + " were cut off"));
    }
    String hash =
        head.seq() == 0 ? AuditHeadFile.GENESIS : entries.get((int) head.seq() - 1).hash();
    if (!hash.equals(head.hash())) {
      return Optional.of(
          broken(
              n,
              Math.max(head.seq(), 1),
              "entry "
                  + head.seq()
                  + " differs from "
                  + where
                  + ": the history was rewritten from there on"));
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

  private static AuditVerification broken(int count, long seq, String why) {
    return new AuditVerification(
        false, count, OptionalLong.of(seq), "audit log BROKEN at entry " + seq + ": " + why);
  }
}
