package io.recopipe.pipeline.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.metadata.AuditHeadFile;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.metadata.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sealed head catches what a chain alone cannot: a cut-off tail with the head file deleted, a
 * head rewritten without the key, a re-hashed tail, a missing key; the key file is 0600.
 */
class AuditHeadCheckTest {
  @TempDir Path dir;

  private MetadataStore store;

  private AuditLog filled() {
    store = MetadataStore.open(dir.resolve("metadata.db"));
    AuditLog log = new SqliteAuditLog(store);
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    for (int i = 1; i <= 5; i++) {
      log.append(t.plusSeconds(i), "bob", "approve", "mf/v" + i, Map.of("comment", "ok " + i));
    }
    assertTrue(log.verify().intact(), log.verify().message());
    return log;
  }

  /** Tampering as an attacker would: straight into the file, not through recopipe. */
  private void sql(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("metadata.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private static void assertBroken(AuditVerification v, String why) {
    assertFalse(v.intact(), v.message());
    assertTrue(v.message().contains(why), v.message());
  }

  @Test
  void theKeyIsOwnerOnly32BytesAndTheHeadIsSealed() throws Exception {
    filled();
    Path key = dir.resolve("audit.key");
    assertEquals(32, Files.size(key));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    String head = Files.readString(store.auditHead().file()).strip();
    assertEquals(3, head.split(" ").length, head);
    assertEquals(head, store.read(AuditHeadFile::readSealed).orElseThrow());
    store.close();
  }

  @Test
  void deletedTailAndHeadFileAreCaught() throws Exception {
    AuditLog log = filled();
    Files.delete(store.auditHead().file());
    assertBroken(log.verify(), "was deleted while the log has 5 entries");
    sql("DELETE FROM audit_log WHERE seq >= 4");
    assertBroken(log.verify(), "entries 4..5 were cut off");
    store.close();
  }

  @Test
  void aNewDatabaseBesideAnOldHeadIsCaughtNotNew() throws Exception {
    filled().append(Instant.now(), "bob", "reject", "mf/v6", Map.of());
    store.close();
    Files.delete(dir.resolve("metadata.db"));
    Files.deleteIfExists(dir.resolve("metadata.db-wal"));
    Files.deleteIfExists(dir.resolve("metadata.db-shm"));
    store = MetadataStore.open(dir.resolve("metadata.db"));
    AuditLog log = new SqliteAuditLog(store);
    log.append(Instant.now(), "mallory", "approve", "mf/v1", Map.of());
    assertBroken(log.verify(), "says entry 6: entries 2..6 were cut off");
    store.close();
  }

  @Test
  void headsRewrittenWithoutTheKeyAreCaught() throws Exception {
    AuditLog log = filled();
    AuditEntry third = log.list().get(2);
    String forged = "3 " + third.hash() + " " + "ab".repeat(32);
    sql("DELETE FROM audit_log WHERE seq >= 4");
    sql("UPDATE settings SET value = '" + forged + "' WHERE key = 'audit.head'");
    assertBroken(log.verify(), "its sealed head was rewritten without the audit key");
    sql("DELETE FROM settings WHERE key = 'audit.head'");
    assertBroken(log.verify(), "the sealed head (settings row audit.head) is missing");
    store.close();
  }

  @Test
  void aHeadFileRewrittenWithoutTheKeyIsCaught() throws Exception {
    AuditLog log = filled();
    Files.writeString(
        store.auditHead().file(), "5 " + log.list().get(4).hash() + " " + "cd".repeat(32) + "\n");
    assertBroken(
        log.verify(),
        "head copy (" + store.auditHead().file() + ") was rewritten without the audit key");
    store.close();
  }

  @Test
  void reHashedRowsAreCaught() throws Exception {
    AuditLog log = filled();
    List<AuditEntry> entries = log.list();
    String prev = entries.get(2).hash();
    for (AuditEntry e : entries.subList(3, 5)) {
      String hash =
          AuditHash.of(
              prev,
              e.seq(),
              Timestamps.format(e.at()),
              "mallory",
              e.action(),
              e.subject(),
              e.detail());
      sql(
          "UPDATE audit_log SET actor = 'mallory', prev_hash = '"
              + prev
              + "', hash = '"
              + hash
              + "' WHERE seq = "
              + e.seq());
      prev = hash;
    }
    assertBroken(log.verify(), "entry 5 differs from its sealed head");
    store.close();
  }

  @Test
  void rowsAppendedWithoutTheKeyAreCaught() throws Exception {
    AuditLog log = filled();
    AuditEntry last = log.list().get(4);
    String at = Timestamps.format(Instant.parse("2026-11-23T00:00:00Z"));
    String hash = AuditHash.of(last.hash(), 6, at, "mallory", "approve", "mf/v9", "{}");
    sql(
        "INSERT INTO audit_log VALUES (6, '"
            + at
            + "', 'mallory', 'approve', 'mf/v9', '{}', '"
            + last.hash()
            + "', '"
            + hash
            + "')");
    assertBroken(
        log.verify(),
        "entries 6..6 come after its sealed head (entry 5): they were"
            + " added without the audit key");
    store.close();
  }

  @Test
  void aMissingKeyWithALogIsBrokenAndAnEmptyHomeIsNot() throws Exception {
    store = MetadataStore.open(dir.resolve("metadata.db"));
    assertTrue(new SqliteAuditLog(store).verify().intact());
    store.close();
    AuditLog log = filled();
    Files.delete(dir.resolve("audit.key"));
    assertBroken(log.verify(), "the audit key " + dir.resolve("audit.key") + " is missing");
    log.append(Instant.now(), "mallory", "approve", "mf/v9", Map.of());
    assertBroken(log.verify(), "is missing");
    store.close();
  }

  /** Turns the home back into one written before sealed heads: no key, an unsealed head copy. */
  private void downgrade(AuditLog log, String extraSql) throws Exception {
    AuditEntry last = log.list().get(log.list().size() - 1);
    store.close();
    sql("DROP TABLE settings");
    sql("ALTER TABLE reviewers DROP COLUMN admin");
    sql("DELETE FROM schema_version WHERE version = 4");
    Files.delete(dir.resolve("audit.key"));
    Files.writeString(dir.resolve("metadata.db.audit-head"), last.seq() + " " + last.hash() + "\n");
    if (!extraSql.isEmpty()) {
      sql(extraSql);
    }
    store = MetadataStore.open(dir.resolve("metadata.db"));
  }

  @Test
  void anUpgradedHomeIsSealedWhenItsOldHeadAgrees() throws Exception {
    downgrade(filled(), "");
    AuditLog log = new SqliteAuditLog(store);
    assertTrue(log.verify().intact(), log.verify().message());
    assertEquals(32, Files.size(dir.resolve("audit.key")));
    log.append(Instant.now(), "bob", "approve", "mf/v6", Map.of());
    assertTrue(
        log.verify().message().endsWith("its end matches the sealed head"), log.verify().message());
    assertEquals(3, Files.readString(store.auditHead().file()).strip().split(" ").length);
    store.close();
  }

  @Test
  void anUpgradeNeverSealsALogCutOffBeforeIt() throws Exception {
    downgrade(filled(), "DELETE FROM audit_log WHERE seq = 5");
    AuditLog log = new SqliteAuditLog(store);
    assertBroken(log.verify(), "the sealed head (settings row audit.head) is missing");
    log.append(Instant.now(), "mallory", "approve", "mf/v5", Map.of());
    assertBroken(log.verify(), "is missing");
    store.close();
  }

  @Test
  void aKeyFileOfTheWrongSizeIsReported() throws Exception {
    AuditLog log = filled();
    Files.write(dir.resolve("audit.key"), new byte[] {1, 2, 3});
    assertBroken(log.verify(), "expected 32 bytes, found 3");
    log.append(Instant.now(), "bob", "approve", "mf/v6", Map.of());
    assertEquals(6, log.list().size(), "audited actions go on; the log is reported, not blocked");
    Files.write(dir.resolve("audit.key"), new byte[32]);
    assertBroken(log.verify(), "rewritten without the audit key");
    store.close();
  }
}
