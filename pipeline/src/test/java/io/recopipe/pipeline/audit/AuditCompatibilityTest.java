package io.recopipe.pipeline.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.metadata.AuditHeadFile;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.testing.MetadataFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies the audit logs of the homes earlier releases left ({@link MetadataFixture} says how each
 * was made: schema 1 by 307b14d, schema 2 by 0c60a91, schema 6 by 6329e23, on 2026-12-03) with
 * today's code: every stored hash must recompute from the stored fields, so a new JSON library or
 * time format in the hash input breaks every old home's chain and fails here.
 */
class AuditCompatibilityTest {
  @TempDir Path temp;

  @Test
  void aSchemaOneHomeGetsAnEmptySealedLog() throws IOException {
    try (MetadataStore store = open(MetadataFixture.SCHEMA_1)) {
      AuditVerification verification = new SqliteAuditLog(store).verify();
      assertEquals(
          new AuditVerification(
              true, 0, OptionalLong.empty(), "audit log intact: 0 entries, head hash none"),
          verification);
    }
  }

  /**
   * A schema 2 home had a hash chain and an unsealed head copy; the upgrade seals the head under a
   * new audit key, since the old copy agrees with the log.
   */
  @Test
  void aSchemaTwoChainVerifiesAndIsSealedOnUpgrade() throws IOException {
    Path home = temp.resolve("home");
    try (MetadataStore store = MetadataStore.open(MetadataFixture.SCHEMA_2.copyTo(home))) {
      AuditLog log = new SqliteAuditLog(store);
      assertEquals(
          "audit log intact: 12 entries, head hash 9121d3d621405795; its end matches"
              + " the sealed head",
          log.verify().message());
      assertEquals(
          List.of(
              "1 user:root reviewer_add reviewer/alice",
              "2 user:root reviewer_add reviewer/bob",
              "3 root register movielens-mf/v1",
              "4 root promote movielens-mf/v1",
              "5 root register movielens-mf/v2",
              "6 system:runner request_approval movielens-mf/v2",
              "7 bob approve movielens-mf/v2",
              "8 bob promote movielens-mf/v2",
              "9 root register movielens-mf/v3",
              "10 system:runner request_approval movielens-mf/v3",
              "11 alice reject movielens-mf/v3",
              "12 user:root schedule.add schedule:nightly"),
          summary(log));
    }
    assertTrue(Files.exists(home.resolve("audit.key")), "the upgrade created the key");
    String copy = Files.readString(home.resolve("metadata.db.audit-head"));
    assertTrue(
        copy.startsWith("12 9121d3d621405795ed77c24d4740ccef1bcecc5227e859062554324ed6ed1f3b "),
        copy);
  }

  @Test
  void aSchemaSixChainVerifiesAgainstItsSealedHead() throws IOException {
    try (MetadataStore store = open(MetadataFixture.SCHEMA_6)) {
      AuditLog log = new SqliteAuditLog(store);
      assertEquals(
          "audit log intact: 14 entries, head hash 81af9b75e3b28a43; its end matches"
              + " the sealed head",
          log.verify().message());
      List<AuditEntry> entries = log.list();
      assertEquals("14 user:root gc home/artifacts", summary(log).get(13));
      assertEquals(
          "{\"artifacts\":\"9\",\"bytes\":\"2928\",\"keep_runs\":\"2\","
              + "\"runs\":\"20261203-003123-7d3920\"}",
          entries.get(13).detail());
      assertEquals(
          "81af9b75e3b28a43ad1987b14ce93b7e0e0fe57ddb1348e54050738b81c8f232",
          entries.get(13).hash());
      assertEquals("user:root reviewer_add reviewer/alice", summary(log).get(0).substring(2));
    }
  }

  /** The key travels with the database: without it the sealed head cannot be checked. */
  @Test
  void aSchemaSixHomeWithoutItsKeyDoesNotVerify() throws IOException {
    Path home = temp.resolve("keyless");
    Path database = MetadataFixture.SCHEMA_6.copyTo(home);
    Files.delete(home.resolve("audit.key"));
    try (MetadataStore store = MetadataStore.open(database)) {
      AuditVerification verification = new SqliteAuditLog(store).verify();
      assertFalse(verification.intact());
      assertEquals(OptionalLong.of(14), verification.firstBadSeq());
      assertTrue(store.auditHead().readCopy().orElseThrow().startsWith("14 "));
      assertTrue(store.read(AuditHeadFile::readSealed).isPresent());
    }
  }

  private MetadataStore open(MetadataFixture fixture) throws IOException {
    return MetadataStore.open(fixture.copyTo(temp.resolve(fixture.directory())));
  }

  private static List<String> summary(AuditLog log) {
    return log.list().stream()
        .map(e -> e.seq() + " " + e.actor() + " " + e.action() + " " + e.subject())
        .toList();
  }
}
