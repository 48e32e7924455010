package io.recopipe.pipeline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.config.ConfigException;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.promotion.Promotions;
import io.recopipe.pipeline.registry.AliasChange;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunResult;
import io.recopipe.pipeline.testing.ReviewRuns;
import io.recopipe.pipeline.testing.TestRunners;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval flow with the shipped pipeline on synthetic data (deploy disabled): a review run
 * waits before deploy; approving resumes it to SUCCEEDED and champion; rejection, four-eyes, expiry
 * and double decisions are refused or recorded as the policy says.
 */
class ApprovalFlowTest {
  private static final String NAME = MovieLensMfPipeline.NAME;

  /** A clock tests move forward. */
  static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-03-03T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TempDir Path dir;

  private final MovableClock clock = new MovableClock();
  private final Pipeline pipeline = MovieLensMfPipeline.definition();
  private ReviewRuns under;
  private LocalRunner runner;
  private ModelRegistry registry;
  private Promotions promotions;
  private HomeReview review;
  private Reviewer alice;
  private Reviewer bob;

  @BeforeEach
  void open() throws ReviewException {
    under =
        ReviewRuns.open(
            dir.resolve("home"),
            pipeline,
            home -> TestRunners.local(TestRunners.duckDb(home)),
            clock);
    runner = under.runner();
    registry = under.registry();
    promotions = under.promotions();
    review = under.review();
    alice = under.alice();
    bob = under.bob();
  }

  @AfterEach
  void close() {
    under.close();
  }

  private RunOptions as(String who) {
    return new RunOptions(false, new PrintStream(OutputStream.nullOutputStream()), who, clock);
  }

  private RunResult run(String who, Map<String, String> overrides) {
    return runner.run(pipeline, parameters(overrides), as(who));
  }

  private Map<String, String> parameters(Map<String, String> overrides) {
    return ReviewRuns.parameters(pipeline, overrides);
  }

  @Test
  void approvingResumesTheRunWithItsCacheSettingKept() throws Exception {
    RunResult waiting = runner.run(pipeline, parameters(Map.of()), as("alice").withoutCache());
    assertEquals(RunStatus.AWAITING_APPROVAL, waiting.status(), waiting.message());
    assertTrue(runner.findRun(waiting.runId()).orElseThrow().noCache());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    RunOptions asBob =
        new RunOptions(
            false,
            new PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            "bob",
            clock);
    assertEquals(RunStatus.SUCCEEDED, promotions.approve(NAME, 1, bob, "ok", asBob).status());
    assertTrue(
        out.toString(java.nio.charset.StandardCharsets.UTF_8)
            .contains("(cache off, as the run started)"),
        out.toString());
  }

  @Test
  void aReviewRunWaitsAndAnotherReviewersApprovalDeploysAndPromotesIt() throws Exception {
    RunResult waiting = run("alice", Map.of());
    assertEquals(RunStatus.AWAITING_APPROVAL, waiting.status(), waiting.message());
    assertTrue(
        waiting
            .message()
            .contains(
                "model movielens-mf v1 waits for approval: recopipe "
                    + "models approve 1 --comment"),
        waiting.message());
    assertEquals(ExecutionStatus.SUCCEEDED, waiting.step("package").orElseThrow().status());
    assertTrue(waiting.step("deploy").isEmpty(), "deploy must not run before approval");
    RegisteredVersion v1 = registry.forRun(NAME, waiting.runId()).orElseThrow();
    assertEquals(VersionStatus.AWAITING_APPROVAL, v1.status());
    assertTrue(v1.imageUri().orElseThrow().contains("/package/"), v1.toString());
    assertTrue(v1.metrics().containsKey("root_mean_squared_error"), v1.metrics().toString());
    assertTrue(v1.gateDecision().contains("\"blessed\""), v1.gateDecision());
    assertTrue(registry.alias(NAME, ModelRegistry.CHAMPION).isEmpty());
    Approval pending = promotions.pending(NAME).get(0);
    assertEquals("alice", pending.startedBy());
    assertEquals(clock.instant().plus(Duration.ofHours(72)), pending.expiresAt());

    // Resuming without a decision just waits again.
    assertEquals(
        RunStatus.AWAITING_APPROVAL,
        runner.resume(pipeline, waiting.runId(), as("alice")).status());

    RunResult approved = promotions.approve(NAME, 1, bob, "looks good", as("bob"));
    assertEquals(RunStatus.SUCCEEDED, approved.status(), approved.message());
    assertEquals(ExecutionStatus.SUCCEEDED, approved.step("deploy").orElseThrow().status());
    assertEquals(1, registry.alias(NAME, ModelRegistry.CHAMPION).orElseThrow().version());
    assertEquals(
        VersionStatus.PROMOTED,
        registry.find(NAME, 1).orElseThrow().status(),
        "deploy is disabled: champion, not served");
    AliasChange move = registry.history(NAME).get(0);
    assertEquals("bob", move.actor());
    assertEquals("approved by bob: looks good", move.reason());
    assertEquals("alice", runner.findRun(waiting.runId()).orElseThrow().who());
    assertTrue(
        review.audit().list().stream()
            .map(AuditEntry::action)
            .toList()
            .containsAll(java.util.List.of("register", "request_approval", "approve", "promote")));

    ReviewException again =
        assertThrows(
            ReviewException.class, () -> promotions.approve(NAME, 1, bob, "again", as("bob")));
    assertEquals(ReviewException.Kind.CONFLICT, again.kind());
    assertTrue(again.getMessage().contains("already approved by bob"), again.getMessage());
  }

  @Test
  void aRejectedModelEndsItsRunRejectedAndTheChampionStays() throws Exception {
    RunResult auto = run("alice", Map.of("promotion.policy", "auto"));
    assertEquals(RunStatus.SUCCEEDED, auto.status(), auto.message());
    assertEquals("auto promotion of run " + auto.runId(), registry.history(NAME).get(0).reason());
    RunResult waiting = run("alice", Map.of("train.max_iterations", "6"));
    assertEquals(RunStatus.AWAITING_APPROVAL, waiting.status(), waiting.message());

    ReviewException noComment =
        assertThrows(ReviewException.class, () -> promotions.reject(NAME, 2, bob, "  "));
    assertEquals(ReviewException.Kind.INVALID, noComment.kind());
    promotions.reject(NAME, 2, bob, "RMSE is worse on new users");
    assertEquals(RunStatus.REJECTED, runner.findRun(waiting.runId()).orElseThrow().status());
    assertEquals(VersionStatus.REJECTED, registry.find(NAME, 2).orElseThrow().status());
    assertEquals(1, registry.alias(NAME, ModelRegistry.CHAMPION).orElseThrow().version());
    assertTrue(runner.resumeBlocker(waiting.runId()).orElseThrow().contains("REJECTED"));
    ReviewException late =
        assertThrows(
            ReviewException.class,
            () -> promotions.approve(NAME, 2, bob, "changed my mind", as("bob")));
    assertEquals(ReviewException.Kind.CONFLICT, late.kind());
  }

  @Test
  void theStarterCannotApproveTheirOwnModelUnlessFourEyesIsOff() throws Exception {
    RunResult waiting = run("alice", Map.of());
    ReviewException refused =
        assertThrows(
            ReviewException.class,
            () -> promotions.approve(NAME, 1, alice, "mine is great", as("alice")));
    assertEquals(ReviewException.Kind.FORBIDDEN, refused.kind());
    assertEquals(
        "four-eyes rule: alice started run " + waiting.runId() + " and cannot approve it",
        refused.getMessage());
    assertEquals(ApprovalState.PENDING, promotions.approval(NAME, 1).orElseThrow().state());

    int runs = runner.history().listRuns().size();
    ConfigException weaker =
        assertThrows(
            ConfigException.class, () -> run("alice", Map.of("promotion.four_eyes", "false")));
    assertTrue(
        weaker
            .getMessage()
            .startsWith(
                "promotion.four_eyes=false is refused: this home "
                    + "requires promotion.four_eyes=true"),
        weaker.getMessage());
    assertEquals(runs, runner.history().listRuns().size(), "refused before anything recorded");

    review.policy().set(Map.of("promotion.four_eyes", "false"), alice);
    assertEquals(
        ReviewException.Kind.FORBIDDEN,
        assertThrows(
                ReviewException.class,
                () -> promotions.approve(NAME, 1, alice, "the home relaxed", as("alice")))
            .kind(),
        "a waiting run keeps the four-eyes rule it started under");
    RunResult relaxed =
        run("alice", Map.of("promotion.four_eyes", "false", "train.max_iterations", "6"));
    int version = registry.forRun(NAME, relaxed.runId()).orElseThrow().version();
    assertEquals(
        RunStatus.SUCCEEDED,
        promotions.approve(NAME, version, alice, "solo team", as("alice")).status());
  }

  @Test
  void anApprovalPastItsTimeExpiresAndItsRunEndsExpired() throws Exception {
    RunResult waiting = run("alice", Map.of("promotion.expires_after", "30m"));
    clock.advance(Duration.ofMinutes(31));
    ReviewException expired =
        assertThrows(
            ReviewException.class,
            () -> promotions.approve(NAME, 1, bob, "sorry, late", as("bob")));
    assertEquals(ReviewException.Kind.CONFLICT, expired.kind());
    assertTrue(expired.getMessage().startsWith("approval of v1 expired at "), expired.getMessage());
    assertEquals(RunStatus.EXPIRED, runner.findRun(waiting.runId()).orElseThrow().status());
    assertEquals(ApprovalState.EXPIRED, promotions.approval(NAME, 1).orElseThrow().state());
    assertTrue(registry.alias(NAME, ModelRegistry.CHAMPION).isEmpty());

    RunResult second =
        run("alice", Map.of("promotion.expires_after", "1h", "train.max_iterations", "6"));
    clock.advance(Duration.ofHours(2));
    assertEquals(1, promotions.expireStale());
    assertTrue(promotions.pending(NAME).isEmpty());
    assertEquals(RunStatus.EXPIRED, runner.findRun(second.runId()).orElseThrow().status());
  }

  @Test
  void wrongTokensAndUnknownVersionsAreRefused() {
    ReviewException unknown =
        assertThrows(ReviewException.class, () -> review.reviewers().authenticate("not-a-token"));
    assertEquals(ReviewException.Kind.UNAUTHENTICATED, unknown.kind());
    ReviewException missing =
        assertThrows(
            ReviewException.class, () -> promotions.approve(NAME, 7, bob, "which one?", as("bob")));
    assertEquals(ReviewException.Kind.NOT_FOUND, missing.kind());
    ReviewException nothing =
        assertThrows(
            ReviewException.class, () -> promotions.rollback(NAME, bob, "bad model", as("bob")));
    assertEquals(ReviewException.Kind.CONFLICT, nothing.kind());
    assertTrue(nothing.getMessage().contains("no previous version"), nothing.getMessage());
  }

  @Test
  void rollbackMakesThePreviousVersionChampionAgainAndIsAudited() throws Exception {
    assertEquals(RunStatus.SUCCEEDED, run("alice", Map.of("promotion.policy", "auto")).status());
    RunResult second = run("alice", Map.of("train.max_iterations", "6"));
    assertEquals(RunStatus.AWAITING_APPROVAL, second.status(), second.message());
    promotions.approve(NAME, 2, bob, "better", as("bob"));
    assertEquals(2, registry.alias(NAME, ModelRegistry.CHAMPION).orElseThrow().version());
    assertEquals(1, promotions.rollback(NAME, bob, "complaints from users", as("bob")));
    assertEquals(1, registry.alias(NAME, ModelRegistry.CHAMPION).orElseThrow().version());
    assertEquals(2, registry.alias(NAME, ModelRegistry.PREVIOUS).orElseThrow().version());
    assertEquals("rollback: complaints from users", registry.history(NAME).get(0).reason());
    AuditEntry last = review.audit().list().get(review.audit().list().size() - 1);
    assertEquals("rollback", last.action());
    assertEquals("bob", last.actor());
    assertTrue(review.audit().verify().intact());
    assertFalse(review.audit().list().isEmpty());
  }
}
