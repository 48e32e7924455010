package io.recopipe.pipeline.promotion;

import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.config.PromotionPolicy;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ApprovalDecisions;
import io.recopipe.pipeline.review.ApprovalState;
import io.recopipe.pipeline.review.Approvals;
import io.recopipe.pipeline.review.HomeReview;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reviewer actions on a home: list pending approvals, approve (which resumes the waiting run's
 * deploy), reject (the run ends REJECTED), roll back (redeploys {@code previous}); each checks
 * identity, the four-eyes rule and expiry, and is recorded in the registry history and the audit
 * log.
 */
public final class Promotions {

  private final LocalRunner runner;
  private final ModelRegistry registry;
  private final Approvals approvals;
  private final AuditLog audit;
  private final Function<String, Pipeline> pipelines;
  private final Clock clock;

  /**
   * Actions over {@code runner}'s home, its model {@code registry} and the {@code review} services
   * it was built with; {@code pipelines} gives the definition of a pipeline by name (to resume its
   * run); {@code clock} decides expiry (tests inject one).
   */
  public Promotions(
      LocalRunner runner,
      ModelRegistry registry,
      HomeReview review,
      Function<String, Pipeline> pipelines,
      Clock clock) {
    this.runner = runner;
    this.registry = registry;
    this.approvals = review.approvals();
    this.audit = review.audit();
    this.pipelines = pipelines;
    this.clock = clock;
  }

  /** Pending approvals of {@code pipeline}, oldest first (stale ones are expired first). */
  public List<Approval> pending(String pipeline) {
    expireStale();
    return approvals.inState(pipeline, ApprovalState.PENDING);
  }

  /** The approval of {@code version}, in any state. */
  public Optional<Approval> approval(String pipeline, int version) {
    return approvals.find(pipeline, version);
  }

  /**
   * Approves {@code version} and resumes its run to deploy; returns the resumed run's result. The
   * four-eyes rule is the one recorded with the run when it started (see {@link HomePolicy}), so a
   * later change of the home's policy does not change it for a run already waiting.
   */
  public RunResult approve(
      String pipeline, int version, Reviewer reviewer, String comment, RunOptions options)
      throws ReviewException {
    String why = ReviewChecks.requireText(comment, "an approval needs a comment (--comment TEXT)");
    Approval approval = pendingApproval(pipeline, version);
    RunRecord run =
        runner
            .findRun(approval.runId())
            .orElseThrow(
                () ->
                    new ReviewException(
                        ReviewException.Kind.NOT_FOUND,
                        "run "
                            + approval.runId()
                            + " of "
                            + label(approval)
                            + " is not in this home"));
    ReviewChecks.fourEyes(PromotionPolicy.from(run.parameters()).fourEyes(), reviewer, approval);
    decisions(approval)
        .decide(pipeline, version, ApprovalState.APPROVED, reviewer.name(), why, clock.instant());
    return runner.resume(pipelines.apply(pipeline), run.id(), options);
  }

  /** Rejects {@code version}; its run ends REJECTED and nothing is deployed. */
  public void reject(String pipeline, int version, Reviewer reviewer, String comment)
      throws ReviewException {
    String why = ReviewChecks.requireText(comment, "a rejection needs a comment (--comment TEXT)");
    Approval approval = pendingApproval(pipeline, version);
    decisions(approval)
        .decide(pipeline, version, ApprovalState.REJECTED, reviewer.name(), why, clock.instant());
    runner.finishWaiting(
        approval.runId(),
        RunStatus.REJECTED,
        label(approval) + " was rejected by " + reviewer.name() + ": " + why);
  }

  /** Redeploys {@code previous} and makes it champion; returns the new champion's version. */
  public int rollback(String pipeline, Reviewer reviewer, String reason, RunOptions options)
      throws ReviewException {
    String why = ReviewChecks.requireText(reason, "a rollback needs a reason (--reason TEXT)");
    return new ChampionRollback(runner, registry, audit, pipelines.apply(pipeline), clock)
        .run(reviewer, why, options);
  }

  /** Expires every pending approval past its time; returns how many. */
  public int expireStale() {
    Instant now = clock.instant();
    int expired = 0;
    for (String pipeline :
        runner.history().listRuns().stream()
            .map(RunRecord::pipeline)
            .collect(Collectors.toCollection(TreeSet::new))) {
      for (Approval approval : approvals.inState(pipeline, ApprovalState.PENDING)) {
        if (decisions(approval).expire(approval, now)) {
          finishExpired(approval);
          expired++;
        }
      }
    }
    return expired;
  }

  /** The PENDING, unexpired approval of {@code version}; refused otherwise. */
  private Approval pendingApproval(String pipeline, int version) throws ReviewException {
    return ReviewChecks.pending(
        approvals, this::decisions, pipeline, version, clock.instant(), this::finishExpired);
  }

  /**
   * Decisions on {@code approval} that move its version's status in the registry of its run (the
   * home's, or the Vertex AI Model Registry of a gcp run).
   */
  private ApprovalDecisions decisions(Approval approval) {
    return new ApprovalDecisions(approvals, runner.registryOf(approval.runId()));
  }

  /**
   * Whether {@code approval}'s run is a run of this home that waits for it (AWAITING_APPROVAL), so
   * deciding it resumes or ends that run.
   */
  boolean waitsInThisHome(Approval approval) {
    return runner
        .findRun(approval.runId())
        .filter(run -> run.status() == RunStatus.AWAITING_APPROVAL)
        .isPresent();
  }

  /** Ends the run of an approval that just expired (nothing when no run of this home waits). */
  void finishExpired(Approval approval) {
    runner.finishWaiting(approval.runId(), RunStatus.EXPIRED, Approvals.expiredMessage(approval));
  }

  private static String label(Approval approval) {
    return approval.pipeline() + " v" + approval.version();
  }
}
