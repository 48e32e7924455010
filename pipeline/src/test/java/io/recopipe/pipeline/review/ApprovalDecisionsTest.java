package io.recopipe.pipeline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.audit.SqliteAuditLog;
import io.recopipe.pipeline.metadata.MetadataException;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegistryFixtures;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.registry.VersionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home's approval and the version's status move in one transaction even when the registry has
 * its own connection to the metadata database: a status change that fails rolls the approval and
 * its audit entry back, and a successful one commits all three together.
 */
class ApprovalDecisionsTest {
  private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

  @TempDir Path dir;

  @Test
  void aFailedStatusChangeRollsTheApprovalBackAndASuccessfulOneCommitsWithIt() throws Exception {
    Path db = dir.resolve("metadata.db");
    try (MetadataStore store = MetadataStore.open(db);
        ModelRegistry registry = SqliteModelRegistry.open(db)) {
      Approvals approvals = new SqliteApprovals(store);
      ApprovalDecisions decisions = new ApprovalDecisions(approvals, registry);
      Instant expires = T0.plus(Duration.ofHours(72));

      assertThrows(
          MetadataException.class,
          () -> decisions.request("mf", 1, "r1", "alice", T0, expires, List.of()),
          "the registry holds no v1 yet");
      assertTrue(approvals.find("mf", 1).isEmpty(), "the approval was rolled back");
      assertTrue(new SqliteAuditLog(store).list().isEmpty(), "and its audit entry with it");

      registry.register(RegistryFixtures.draft(store, "r1", "alice", 0.9));
      decisions.request("mf", 1, "r1", "alice", T0, expires, List.of());
      assertEquals(VersionStatus.AWAITING_APPROVAL, registry.find("mf", 1).orElseThrow().status());
      decisions.decide("mf", 1, ApprovalState.REJECTED, "bob", "worse", T0.plusSeconds(60));
      assertEquals(VersionStatus.REJECTED, registry.find("mf", 1).orElseThrow().status());
      assertEquals(ApprovalState.REJECTED, approvals.find("mf", 1).orElseThrow().state());
      assertEquals(
          List.of("register", "request_approval", "reject"),
          new SqliteAuditLog(store).list().stream().map(AuditEntry::action).toList());
      assertTrue(new SqliteAuditLog(store).verify().intact());
    }
  }

  @Test
  void anExpiryMarksTheVersionExpiredOnceItIsDue() throws Exception {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      ModelRegistry registry = new SqliteModelRegistry(store);
      registry.register(RegistryFixtures.draft(store, "r1", "alice", 0.9));
      ApprovalDecisions decisions = new ApprovalDecisions(new SqliteApprovals(store), registry);
      Approval pending =
          decisions.request("mf", 1, "r1", "alice", T0, T0.plusSeconds(60), List.of());
      assertEquals(false, decisions.expire(pending, T0.plusSeconds(59)));
      assertEquals(VersionStatus.AWAITING_APPROVAL, registry.find("mf", 1).orElseThrow().status());
      assertEquals(true, decisions.expire(pending, T0.plusSeconds(60)));
      assertEquals(VersionStatus.EXPIRED, registry.find("mf", 1).orElseThrow().status());
      assertEquals(false, decisions.expire(pending, T0.plusSeconds(61)), "decided once");
    }
  }
}
