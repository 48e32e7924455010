package io.recopipe.pipeline.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.metadata.MetadataStore;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path dir;

  private static AuditLog filled(MetadataStore store) {
    AuditLog log = new SqliteAuditLog(store);
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    for (int i = 1; i <= 5; i++) {
      log.append(t.plusSeconds(i), "bob", "approve", "mf/v" + i, Map.of("comment", "ok " + i));
    }
    return log;
  }

  private static void sql(MetadataStore store, String sql) {
    store.write(
        c -> {
          try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
          }
        });
  }

  @Test
  void chainOfUntouchedLogVerifies() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      AuditLog log = filled(store);
      AuditVerification v = log.verify();
      assertTrue(v.intact(), v.message());
      assertEquals(5, v.entries());
      assertTrue(v.message().startsWith("audit log intact: 5 entries"), v.message());
      assertEquals(log.list().get(0).hash(), log.list().get(1).prevHash());
    }
  }

  @Test
  void editedRowIsNamed() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      AuditLog log = filled(store);
      sql(store, "UPDATE audit_log SET detail = '{\"comment\":\"forged\"}' WHERE seq = 3");
      AuditVerification v = log.verify();
      assertFalse(v.intact());
      assertEquals(3, v.firstBadSeq().getAsLong());
      assertTrue(v.message().contains("entry 3 (approve mf/v3 by bob) was edited"), v.message());
    }
  }

  @Test
  void editedActorWithRecomputedHashBreaksTheNextLink() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      AuditLog log = filled(store);
      AuditEntry e = log.list().get(1);
      String forged =
          AuditHash.of(
              e.prevHash(),
              e.seq(),
              io.recopipe.pipeline.metadata.Timestamps.format(e.at()),
              "mallory",
              e.action(),
              e.subject(),
              e.detail());
      sql(store, "UPDATE audit_log SET actor = 'mallory', hash = '" + forged + "' WHERE seq = 2");
      AuditVerification v = log.verify();
      assertFalse(v.intact());
      assertEquals(3, v.firstBadSeq().getAsLong());
      assertTrue(v.message().contains("does not chain to entry 2"), v.message());
    }
  }

  @Test
  void deletedRowIsNamed() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      AuditLog log = filled(store);
      sql(store, "DELETE FROM audit_log WHERE seq = 2");
      AuditVerification v = log.verify();
      assertFalse(v.intact());
      assertEquals(3, v.firstBadSeq().getAsLong());
      assertTrue(v.message().contains("entries 2..2 were deleted"), v.message());
    }
  }

  @Test
  void theHeadCopyFollowsEveryCommitAndCatchesACutOffEnd() throws Exception {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      AuditLog log = filled(store);
      AuditEntry last = log.list().get(4);
      assertTrue(
          java.nio.file.Files.readString(store.auditHead().file())
              .startsWith("5 " + last.hash() + " "));
      assertTrue(
          log.verify().message().endsWith("its end matches the sealed head"),
          log.verify().message());
      sql(store, "DELETE FROM audit_log WHERE seq >= 4");
      AuditVerification v = log.verify();
      assertFalse(v.intact(), "the chain of 1..3 is intact, but its end was cut off");
      assertTrue(
          v.message().contains("the log ends at entry 3 but its sealed head")
              && v.message().contains("entries 4..5 were cut off"),
          v.message());
    }
  }

  @Test
  void aRewrittenTailWithFreshHashesDiffersFromTheHeadCopy() throws Exception {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      AuditLog log = filled(store);
      String head = java.nio.file.Files.readString(store.auditHead().file());
      sql(store, "DELETE FROM audit_log WHERE seq = 5");
      log.append(
          Instant.parse("2026-11-22T11:00:00Z"),
          "mallory",
          "approve",
          "mf/v5",
          Map.of("comment", "forged"));
      java.nio.file.Files.writeString(store.auditHead().file(), head);
      AuditVerification v = log.verify();
      assertFalse(v.intact());
      assertEquals(5, v.firstBadSeq().getAsLong());
      assertTrue(v.message().contains("entry 5 differs from its sealed head"), v.message());
    }
  }

  @Test
  void fieldBoundariesAreUnambiguous() {
    assertFalse(
        AuditHash.of("p", 1, "t", "ab", "c", "s", "{}")
            .equals(AuditHash.of("p", 1, "t", "a", "bc", "s", "{}")));
  }
}
