package io.recopipe.pipeline.audit;

import io.recopipe.pipeline.metadata.Timestamps;
import java.util.List;
import java.util.OptionalLong;

/**
 * Walks the audit chain in order and names the first row that breaks it and how (a gap in the
 * sequence means a deleted row, a wrong previous hash an inserted or reordered one, a wrong own
 * hash an edited one), so an auditor knows exactly where to look.
 */
final class AuditVerifier {
  private AuditVerifier() {}

  static AuditVerification verify(List<AuditEntry> entries) {
    String prev = AuditHash.GENESIS;
    long expected = 1;
    for (AuditEntry e : entries) {
      if (e.seq() != expected) {
        return broken(
            entries.size(),
            e.seq(),
            "entry "
                + e.seq()
                + " follows entry "
                + (expected - 1)
                + ": "
                + (e.seq() > expected
                    ? "entries " + expected + ".." + (e.seq() - 1) + " were deleted"
                    : "sequence goes backwards"));
      }
      if (!e.prevHash().equals(prev)) {
        return broken(
            entries.size(),
            e.seq(),
            "entry "
                + e.seq()
                + " does not chain to entry "
                + (e.seq() - 1)
                + " (previous hash differs): a row was inserted, replaced or reordered");
      }
      String recomputed =
          AuditHash.of(
              e.prevHash(),
              e.seq(),
              Timestamps.format(e.at()),
              e.actor(),
              e.action(),
              e.subject(),
              e.detail());
      if (!recomputed.equals(e.hash())) {
        return broken(
            entries.size(),
            e.seq(),
            "entry "
                + e.seq()
                + " ("
                + e.action()
                + " "
                + e.subject()
                + " by "
                + e.actor()
                + ") was edited: its hash does not match");
      }
      prev = e.hash();
      expected++;
    }
    String head = entries.isEmpty() ? "none" : prev.substring(0, 16);
    return new AuditVerification(
        true,
        entries.size(),
        OptionalLong.empty(),
        "audit log intact: " + entries.size() + " entries, head hash " + head);
  }

  private static AuditVerification broken(int count, long seq, String why) {
    return new AuditVerification(
        false, count, OptionalLong.of(seq), "audit log BROKEN at entry " + seq + ": " + why);
  }
}
