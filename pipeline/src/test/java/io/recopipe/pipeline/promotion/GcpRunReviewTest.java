package io.recopipe.pipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.Services;
import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ApprovalState;
import io.recopipe.pipeline.review.HomeReview;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunProfiles;
import io.recopipe.pipeline.runner.RunResult;
import io.recopipe.pipeline.testing.LoopbackGcpRecords;
import io.recopipe.pipeline.testing.RecordingDeployTarget;
import io.recopipe.pipeline.testing.ReviewRuns;
import io.recopipe.pipeline.testing.TestRunners;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of this home with the gcp profile's records ({@code run --profile gcp}): its versions in
 * the Vertex AI Model Registry (the real client on an in-process ModelService), its approvals and
 * audit entries in BigQuery (the real client on a loopback BigQuery). Its registration, approval,
 * promotion and rollback write to the BigQuery audit log exactly the entries a run of a home whose
 * registry is the SQLite one writes to the home's log for the same scenario; its approval waits in
 * BigQuery, and {@code models approve --profile gcp} decides it there and resumes the run.
 */
class GcpRunReviewTest {
  private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
  private static final String NAME = MovieLensMfPipeline.NAME;

  @TempDir Path dir;

  private final Pipeline pipeline = MovieLensMfPipeline.definition();
  private final RecordingDeployTarget target = new RecordingDeployTarget();
  private LoopbackGcpRecords gcp;
  private ReviewRuns cloud;
  private ReviewRuns home;

  @BeforeEach
  void open() throws Exception {
    gcp = new LoopbackGcpRecords(clock(T0));
    cloud =
        ReviewRuns.open(
            dir.resolve("gcp-home"),
            pipeline,
            recopipeHome ->
                parameters -> gcp.profile(TestRunners.duckDb(recopipeHome), Services.none()),
            clock(T0));
    home =
        ReviewRuns.open(
            dir.resolve("sqlite-home"),
            pipeline,
            recopipeHome -> RunProfiles.fixed(TestRunners.duckDb(recopipeHome), Services.none()),
            clock(T0));
  }

  @AfterEach
  void close() {
    cloud.close();
    home.close();
    gcp.close();
  }

  @Test
  void autoRunsAndARollbackAuditToBigQueryWhatTheHomesRegistryAudits() throws Exception {
    List<String> cloudRuns = new ArrayList<>();
    List<String> homeRuns = new ArrayList<>();
    for (Map<String, String> overrides :
        List.of(auto("8"), auto("9"))) { // two different models: v1, then v2 replaces it
      cloudRuns.add(succeeded(run(cloud, "alice", overrides)));
      homeRuns.add(succeeded(run(home, "alice", overrides)));
    }
    assertEquals(2, champion(gcp.registry));
    gcpPromotions(T0).rollback(NAME, cloud.bob(), "v2 recommends badly", options("bob"));
    home.promotions().rollback(NAME, home.bob(), "v2 recommends badly", options("bob"));

    assertEquals(1, champion(gcp.registry));
    assertEquals(
        List.of(
            "register " + NAME + "/v1",
            "promote " + NAME + "/v1",
            "register " + NAME + "/v2",
            "status " + NAME + "/v1",
            "promote " + NAME + "/v2",
            "status " + NAME + "/v2",
            "promote " + NAME + "/v1",
            "rollback " + NAME + "/v1"),
        entries(gcp.audit.list(), cloudRuns).stream()
            .map(e -> e.substring(0, e.indexOf(" by ")))
            .toList());
    assertEquals(
        entries(home.review().audit().list(), homeRuns),
        entries(gcp.audit.list(), cloudRuns),
        "the same actions, subjects, actors and details in the same order");
    assertTrue(gcp.audit.verify().intact(), "the BigQuery chain holds");
    assertTrue(
        entries(cloud.review().audit().list(), cloudRuns).isEmpty(),
        "the gcp run writes nothing to the home's log");
  }

  @Test
  void aReviewRunWaitsInBigQueryAndApprovingWithTheGcpProfileResumesIt() throws Exception {
    RunResult waiting = run(cloud, "alice", Map.of());
    assertEquals(RunStatus.AWAITING_APPROVAL, waiting.status(), waiting.message());
    Approval pending = gcp.approvals.find(NAME, 1).orElseThrow();
    assertEquals(ApprovalState.PENDING, pending.state());
    assertEquals("alice", pending.startedBy(), "requested by the run's starter");
    assertEquals(waiting.runId(), pending.runId());
    assertEquals("alice", gcp.bq.approvals.get(0).get("started_by"));
    assertTrue(
        cloud.review().approvals().find(NAME, 1).isEmpty(), "nothing waits in the home's table");
    assertEquals(
        VersionStatus.AWAITING_APPROVAL, gcp.registry.find(NAME, 1).orElseThrow().status());

    GcpPromotions promotions = gcpPromotions(T0.plusSeconds(60));
    assertEquals(List.of(pending), promotions.pending(NAME));
    ReviewException own =
        assertThrows(
            ReviewException.class,
            () -> promotions.approve(NAME, 1, cloud.alice(), "mine", options("alice")));
    assertEquals(ReviewException.Kind.FORBIDDEN, own.kind());
    assertEquals(ApprovalState.PENDING, gcp.approvals.find(NAME, 1).orElseThrow().state());

    GcpPromotions.Approved approved =
        promotions.approve(NAME, 1, cloud.bob(), "better RMSE", options("bob"));
    RunResult resumed = approved.resumed().orElseThrow();
    assertEquals(waiting.runId(), resumed.runId(), "the waiting run resumed");
    assertEquals(RunStatus.SUCCEEDED, resumed.status(), resumed.message());
    assertEquals(List.of(), target.deployed, "the run's own deploy step deploys, not the reviewer");
    assertEquals(1, champion(gcp.registry));
    assertEquals(ApprovalState.APPROVED, gcp.approvals.find(NAME, 1).orElseThrow().state());

    RunResult homeWaiting = run(home, "alice", Map.of());
    home.promotions().approve(NAME, 1, home.bob(), "better RMSE", options("bob"));
    List<String> cloudLog = entries(gcp.audit.list(), List.of(waiting.runId()));
    assertEquals(
        List.of("register", "request_approval", "approve", "promote"),
        cloudLog.stream().map(e -> e.substring(0, e.indexOf(' '))).toList());
    assertEquals(entries(home.review().audit().list(), List.of(homeWaiting.runId())), cloudLog);
    assertTrue(gcp.audit.verify().intact());
  }

  @Test
  void rejectingWithTheGcpProfileEndsTheWaitingRunRejected() throws Exception {
    RunResult waiting = run(cloud, "alice", Map.of());
    gcpPromotions(T0.plusSeconds(60)).reject(NAME, 1, cloud.bob(), "worse than the champion");
    assertEquals(
        RunStatus.REJECTED, cloud.runner().findRun(waiting.runId()).orElseThrow().status());
    assertEquals(ApprovalState.REJECTED, gcp.approvals.find(NAME, 1).orElseThrow().state());
    assertEquals(VersionStatus.REJECTED, gcp.registry.find(NAME, 1).orElseThrow().status());
    assertTrue(gcp.registry.alias(NAME, ModelRegistry.CHAMPION).isEmpty());
    assertEquals(List.of(), target.deployed);
  }

  @Test
  void anApprovalThatExpiresInBigQueryEndsTheWaitingRunExpired() throws Exception {
    RunResult waiting = run(cloud, "alice", Map.of("promotion.expires_after", "30m"));
    GcpPromotions late = gcpPromotions(T0.plus(Duration.ofHours(1)));
    assertEquals(List.of(), late.pending(NAME));
    assertEquals(RunStatus.EXPIRED, cloud.runner().findRun(waiting.runId()).orElseThrow().status());
    assertEquals(ApprovalState.EXPIRED, gcp.approvals.find(NAME, 1).orElseThrow().state());
    assertEquals(VersionStatus.EXPIRED, gcp.registry.find(NAME, 1).orElseThrow().status());
    assertFalse(cloud.runner().resumeBlocker(waiting.runId()).isEmpty(), "the run has ended");
  }

  @Test
  void aVersionWhoseRunIsNotInThisHomeIsDeployedDirectlyAsBefore() throws Exception {
    gcp.registry.register(
        new RegisteredVersion(
            NAME,
            0,
            "job-1",
            "0123456789ab",
            "bundles/job-1",
            "ef".repeat(32),
            Optional.of("images/job-1"),
            "fingerprint",
            Map.of(),
            Map.of(),
            "{}",
            true,
            VersionStatus.AWAITING_APPROVAL,
            T0),
        "system:vertex-job");
    gcp.approvals.request(NAME, 1, "job-1", "carol", T0, T0.plus(Duration.ofHours(24)));

    GcpPromotions.Approved approved =
        gcpPromotions(T0.plusSeconds(60)).approve(NAME, 1, cloud.bob(), "good", options("bob"));

    assertTrue(approved.resumed().isEmpty(), "no run of this home to resume");
    assertEquals(
        List.of(LoopbackGcpRecords.IMAGE),
        target.deployed.stream().map(r -> r.imageReference()).toList());
    assertEquals(1, champion(gcp.registry));
    assertEquals(
        List.of("register", "request_approval", "approve", "promote", "deploy"),
        gcp.audit.list().stream().map(AuditEntry::action).toList());
  }

  /**
   * The gcp reviewer actions as {@code models approve|reject|rollback --profile gcp} compose them:
   * over the gcp records, with this home's runs decided through its runner.
   */
  private GcpPromotions gcpPromotions(Instant now) {
    Clock clock = clock(now);
    HomeReview review =
        new HomeReview(
            gcp.approvals, cloud.review().reviewers(), cloud.review().policy(), gcp.audit);
    return new GcpPromotions(
        gcp.approvals,
        gcp.registry,
        target,
        gcp.audit,
        "recommender_model",
        clock,
        Optional.of(new Promotions(cloud.runner(), gcp.registry, review, name -> pipeline, clock)));
  }

  /**
   * The log's entries about versions, as {@code action subject by actor: detail}, each of {@code
   * runIds} (in order) written as {@code run-N} so two homes' logs compare.
   */
  private static List<String> entries(List<AuditEntry> log, List<String> runIds) {
    return log.stream()
        .filter(e -> e.subject().startsWith(NAME + "/v"))
        .map(
            e -> {
              String line = e.action() + " " + e.subject() + " by " + e.actor() + ": " + e.detail();
              for (int i = 0; i < runIds.size(); i++) {
                line = line.replace(runIds.get(i), "run-" + (i + 1));
              }
              return line;
            })
        .toList();
  }

  private static Map<String, String> auto(String factors) {
    return Map.of("promotion.policy", "auto", "train.num_factors", factors);
  }

  private static String succeeded(RunResult result) {
    assertEquals(RunStatus.SUCCEEDED, result.status(), result.message());
    return result.runId();
  }

  private static int champion(ModelRegistry registry) {
    return registry.alias(NAME, ModelRegistry.CHAMPION).orElseThrow().version();
  }

  private RunResult run(ReviewRuns in, String who, Map<String, String> overrides) {
    return in.runner().run(pipeline, ReviewRuns.parameters(pipeline, overrides), options(who));
  }

  private static RunOptions options(String who) {
    return new RunOptions(false, new PrintStream(OutputStream.nullOutputStream()), who, clock(T0));
  }

  private static Clock clock(Instant at) {
    return Clock.fixed(at, ZoneOffset.UTC);
  }
}
