package io.recopipe.pipeline.promotion;

import io.recopipe.pipeline.config.PromotionPolicy;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ApprovalState;
import io.recopipe.pipeline.review.Approvals;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
  private final Function<String, Pipeline> pipelines;
  private final Clock clock;

  /**
   * Actions over {@code runner}'s home and its model {@code registry}; {@code pipelines} gives the
   * definition of a pipeline by name (to resume its run); {@code clock} decides expiry (tests
   * inject one).
   */
  public Promotions(
      LocalRunner runner,
      ModelRegistry registry,
      Function<String, Pipeline> pipelines,
      Clock clock) {
    this.runner = runner;
    this.registry = registry;
    this.pipelines = pipelines;
    this.clock = clock;
  }

  /** Pending approvals of {@code pipeline}, oldest first (stale ones are expired first). */
  public List<Approval> pending(String pipeline) {
    expireStale();
    return runner.approvals().inState(pipeline, ApprovalState.PENDING);
  }

  /** The approval of {@code version}, in any state. */
  public Optional<Approval> approval(String pipeline, int version) {
    return runner.approvals().find(pipeline, version);
  }

  /**
   * Approves {@code version} and resumes its run to deploy; returns the resumed run's result. The
   * four-eyes rule is the one recorded with the run when it started (see {@link HomePolicy}), so a
   * later change of the home's policy does not change it for a run already waiting.
   */
  public RunResult approve(
      String pipeline, int version, Reviewer reviewer, String comment, RunOptions options)
      throws ReviewException {
    String why = requireText(comment, "an approval needs a comment (--comment TEXT)");
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
    if (PromotionPolicy.from(run.parameters()).fourEyes()
        && reviewer.name().equals(approval.startedBy())) {
      throw new ReviewException(
          ReviewException.Kind.FORBIDDEN,
          "four-eyes rule: "
              + reviewer.name()
              + " started run "
              + run.id()
              + " and cannot approve it");
    }
    runner
        .approvals()
        .decide(pipeline, version, ApprovalState.APPROVED, reviewer.name(), why, clock.instant());
    return runner.resume(pipelines.apply(pipeline), run.id(), options);
  }

  /** Rejects {@code version}; its run ends REJECTED and nothing is deployed. */
  public void reject(String pipeline, int version, Reviewer reviewer, String comment)
      throws ReviewException {
    String why = requireText(comment, "a rejection needs a comment (--comment TEXT)");
    Approval approval = pendingApproval(pipeline, version);
    runner
        .approvals()
        .decide(pipeline, version, ApprovalState.REJECTED, reviewer.name(), why, clock.instant());
    runner.finishWaiting(
        approval.runId(),
        RunStatus.REJECTED,
        label(approval) + " was rejected by " + reviewer.name() + ": " + why);
  }

  /** Redeploys {@code previous} and makes it champion; returns the new champion's version. */
  public int rollback(String pipeline, Reviewer reviewer, String reason, RunOptions options)
      throws ReviewException {
    String why = requireText(reason, "a rollback needs a reason (--reason TEXT)");
    return new ChampionRollback(runner, registry, pipelines.apply(pipeline), clock)
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
      for (Approval approval : runner.approvals().inState(pipeline, ApprovalState.PENDING)) {
        if (!now.isBefore(approval.expiresAt()) && expire(approval)) {
          expired++;
        }
      }
    }
    return expired;
  }

  /** The PENDING, unexpired approval of {@code version}; refused otherwise. */
  private Approval pendingApproval(String pipeline, int version) throws ReviewException {
    String subject = ModelRegistry.subject(pipeline, version);
    Approval approval =
        runner
            .approvals()
            .find(pipeline, version)
            .orElseThrow(
                () ->
                    new ReviewException(
                        ReviewException.Kind.NOT_FOUND,
                        subject
                            + " has no approval request"
                            + " (only runs with promotion.policy=review wait for one)"));
    if (approval.state() != ApprovalState.PENDING) {
      throw new ReviewException(
          ReviewException.Kind.CONFLICT,
          subject
              + " was already "
              + approval.state().name().toLowerCase(Locale.ROOT)
              + approval.decidedBy().map(by -> " by " + by).orElse("")
              + approval.decidedAt().map(at -> " at " + at).orElse("")
              + "; nothing changed");
    }
    if (!clock.instant().isBefore(approval.expiresAt())) {
      expire(approval);
      throw new ReviewException(
          ReviewException.Kind.CONFLICT,
          "approval of v"
              + version
              + " expired at "
              + approval.expiresAt()
              + "; its run "
              + approval.runId()
              + " ended EXPIRED and nothing was deployed");
    }
    return approval;
  }

  private boolean expire(Approval approval) {
    try {
      runner
          .approvals()
          .decide(
              approval.pipeline(),
              approval.version(),
              ApprovalState.EXPIRED,
              Approvals.EXPIRY_ACTOR,
              "nobody decided before " + approval.expiresAt(),
              clock.instant());
    } catch (ReviewException alreadyDecided) {
      return false;
    }
    runner.finishWaiting(
        approval.runId(),
        RunStatus.EXPIRED,
        "approval of "
            + label(approval)
            + " expired at "
            + approval.expiresAt()
            + "; nothing was deployed");
    return true;
  }

  private static String requireText(String text, String problem) throws ReviewException {
    if (text == null || text.isBlank()) {
      throw new ReviewException(ReviewException.Kind.INVALID, problem);
    }
    return text.trim();
  }

  private static String label(Approval approval) {
    return approval.pipeline() + " v" + approval.version();
  }
}
