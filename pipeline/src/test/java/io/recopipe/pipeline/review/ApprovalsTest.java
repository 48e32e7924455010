package io.recopipe.pipeline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.audit.SqliteAuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegistryFixtures;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.registry.VersionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalsTest {
  private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

  @TempDir Path dir;

  @Test
  void requestThenDecideOnceWithStatusAndAudit() throws Exception {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      ModelRegistry registry = new SqliteModelRegistry(store);
      registry.register(RegistryFixtures.draft(store, "r1", "alice", 0.9));
      Approvals approvals = new SqliteApprovals(store);
      ApprovalDecisions decisions = new ApprovalDecisions(approvals, registry);
      Approval pending =
          decisions.request("mf", 1, "r1", "alice", T0, T0.plus(Duration.ofHours(72)), List.of());
      assertEquals(ApprovalState.PENDING, pending.state());
      assertEquals(Optional.of(pending), approvals.forRun("r1"));
      assertEquals(List.of(pending), approvals.inState("mf", ApprovalState.PENDING));
      assertEquals(VersionStatus.AWAITING_APPROVAL, registry.find("mf", 1).orElseThrow().status());

      Approval approved =
          decisions.decide(
              "mf", 1, ApprovalState.APPROVED, "bob", "looks good", T0.plusSeconds(60));
      assertEquals(Optional.of("bob"), approved.decidedBy());
      assertEquals(Optional.of("looks good"), approved.comment());
      assertEquals(VersionStatus.APPROVED, registry.find("mf", 1).orElseThrow().status());

      ReviewException again =
          assertThrows(
              ReviewException.class,
              () ->
                  decisions.decide(
                      "mf", 1, ApprovalState.APPROVED, "carol", "me too", T0.plusSeconds(90)));
      assertEquals(ReviewException.Kind.CONFLICT, again.kind());
      assertEquals(
          "mf/v1 was already approved by bob at 2026-11-22T09:01:00Z; nothing changed",
          again.getMessage());

      List<AuditEntry> audit = new SqliteAuditLog(store).list();
      assertEquals(
          List.of("register", "request_approval", "approve"),
          audit.stream().map(AuditEntry::action).toList());
      assertTrue(audit.get(2).detail().contains("looks good"));
      assertTrue(new SqliteAuditLog(store).verify().intact());
    }
  }

  @Test
  void decidingWithoutARequestIsNotFound() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      ReviewException e =
          assertThrows(
              ReviewException.class,
              () ->
                  new SqliteApprovals(store)
                      .decide("mf", 4, ApprovalState.REJECTED, "bob", "no", T0));
      assertEquals(ReviewException.Kind.NOT_FOUND, e.kind());
      assertTrue(e.getMessage().startsWith("mf/v4 has no approval request"), e.getMessage());
    }
  }

  @Test
  void aVersionRegisteredOutsideTheHomeIsRequestedAndDecidedWithAudit() throws Exception {
    // A run on the gcp profile registers in Google Cloud; its approval still lives in the home.
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      Approvals approvals = new SqliteApprovals(store);
      Approval pending =
          approvals.request("mf", 7, "r7", "alice", T0, T0.plus(Duration.ofHours(72)));
      assertEquals(ApprovalState.PENDING, pending.state());
      Approval rejected =
          approvals.decide("mf", 7, ApprovalState.REJECTED, "bob", "worse", T0.plusSeconds(60));
      assertEquals(ApprovalState.REJECTED, rejected.state());
      assertTrue(new SqliteModelRegistry(store).find("mf", 7).isEmpty());
      assertEquals(
          List.of("request_approval", "reject"),
          new SqliteAuditLog(store).list().stream().map(AuditEntry::action).toList());
    }
  }
}
