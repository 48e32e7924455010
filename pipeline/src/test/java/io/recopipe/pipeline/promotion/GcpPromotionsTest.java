package io.recopipe.pipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.deploy.DeployRequest;
import io.recopipe.infra.gcs.GcsStub;
import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.audit.BigQueryAuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.registry.AuditedRegistry;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegistryFixtures;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.review.ApprovalState;
import io.recopipe.pipeline.review.BigQueryApprovals;
import io.recopipe.pipeline.review.LoopbackBigQueryTables;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.testing.RecordingDeployTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code models approve|reject --profile gcp}'s actions against a loopback BigQuery: the same
 * four-eyes, comment and expiry rules as the home's, the approved version's image deployed, and
 * every decision and the deploy in the BigQuery audit log.
 */
class GcpPromotionsTest {
  private static final Instant NOW = Instant.parse("2026-12-03T07:00:00Z");
  private static final String IMAGE =
      "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recommender@sha256:" + "ab".repeat(32);

  private static final RunOptions QUIET =
      RunOptions.to(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

  @TempDir Path dir;
  private LoopbackBigQueryTables bq;
  private GcsStub gcs;
  private MetadataStore store;
  private ModelRegistry registry;
  private BigQueryAuditLog audit;
  private BigQueryApprovals approvals;
  private final RecordingDeployTarget target = new RecordingDeployTarget();
  private final List<DeployRequest> deployed = target.deployed;
  private GcpPromotions promotions;

  @BeforeEach
  void start() throws Exception {
    bq = new LoopbackBigQueryTables();
    gcs = new GcsStub();
    store = MetadataStore.open(dir.resolve("metadata.db"));
    registry = new SqliteModelRegistry(store);
    registry.register(RegistryFixtures.draft(store, "job-1", "carol", 0.9));
    registry.setImage("mf", 1, IMAGE);
    audit = bq.auditLog(gcs);
    approvals = bq.approvals(audit);
    approvals.request("mf", 1, "job-1", "carol", NOW, NOW.plus(Duration.ofHours(24)));
    // the home's registry stands in for Vertex AI; its changes are audited to BigQuery as on gcp
    registry = new AuditedRegistry(registry, audit, Clock.fixed(NOW, ZoneOffset.UTC));
    promotions =
        new GcpPromotions(
            approvals,
            registry,
            target,
            audit,
            "recommender_model",
            Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC),
            Optional.empty());
  }

  @AfterEach
  void stop() {
    store.close();
    bq.close();
    gcs.close();
  }

  @Test
  void theRunsStarterCannotApproveItAndNothingIsDecidedOrDeployed() {
    ReviewException refused =
        assertThrows(
            ReviewException.class,
            () -> promotions.approve("mf", 1, reviewer("carol"), "my own model is fine", QUIET));
    assertEquals(ReviewException.Kind.FORBIDDEN, refused.kind());
    assertTrue(refused.getMessage().startsWith("four-eyes rule: carol started run job-1"));
    assertEquals(ApprovalState.PENDING, approvals.find("mf", 1).orElseThrow().state());
    assertEquals(List.of(), deployed);
  }

  @Test
  void anotherReviewerApprovesAndTheVersionDeploysAndIsAudited() throws Exception {
    Map<String, Object> endpoint =
        promotions.approve("mf", 1, reviewer("alice"), "good", QUIET).endpoint();
    assertEquals(1, deployed.size());
    assertEquals(IMAGE, deployed.get(0).imageReference());
    assertEquals("job-1", deployed.get(0).runId());
    assertEquals("recommender_model", deployed.get(0).modelName());
    assertTrue(endpoint.containsKey("revision"));
    assertEquals(
        1, registry.alias("mf", ModelRegistry.CHAMPION).orElseThrow().version(), "champion moved");
    assertEquals(
        List.of("request_approval", "approve", "promote", "deploy"),
        audit.list().stream().map(AuditEntry::action).toList());
    assertTrue(audit.verify().intact());

    ReviewException again =
        assertThrows(
            ReviewException.class, () -> promotions.reject("mf", 1, reviewer("bob"), "late"));
    assertEquals(ReviewException.Kind.CONFLICT, again.kind());
  }

  @Test
  void aCommentIsRequiredAndAnExpiredApprovalIsRefused() {
    assertEquals(
        ReviewException.Kind.INVALID,
        assertThrows(
                ReviewException.class,
                () -> promotions.approve("mf", 1, reviewer("alice"), " ", QUIET))
            .kind());
    GcpPromotions late =
        new GcpPromotions(
            approvals,
            registry,
            null,
            audit,
            "recommender_model",
            Clock.fixed(NOW.plus(Duration.ofHours(25)), ZoneOffset.UTC),
            Optional.empty());
    ReviewException expired =
        assertThrows(
            ReviewException.class, () -> late.approve("mf", 1, reviewer("alice"), "ok", QUIET));
    assertEquals(ReviewException.Kind.CONFLICT, expired.kind());
    assertEquals(ApprovalState.EXPIRED, approvals.find("mf", 1).orElseThrow().state());
  }

  private static Reviewer reviewer(String name) {
    return new Reviewer(name, NOW, false, false);
  }
}
