package io.recopipe.pipeline.promotion;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.deploy.DeployRequest;
import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ApprovalDecisions;
import io.recopipe.pipeline.review.ApprovalState;
import io.recopipe.pipeline.review.Approvals;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunResult;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reviewer actions of the gcp profile, on the approvals in BigQuery. A version whose run is a
 * run of this home waiting for approval ({@code run --profile gcp}) is decided there and that run
 * resumes (its own deploy and smoke test, then its promotion) or ends REJECTED or EXPIRED, as on
 * the home's profile ({@link Promotions}, over the gcp registry and review services). A version a
 * Vertex AI pipeline left awaiting approval has no local run to resume, so approving deploys its
 * pushed image to Cloud Run directly and makes it champion. The rules are the home's: a comment is
 * required, an expired approval is refused, the run's starter cannot approve it (four-eyes; for a
 * Vertex job always on: no run record carries a weaker policy), and every decision and the deploy
 * are audited. The registry is the audited one of the gcp profile ({@link
 * io.recopipe.pipeline.registry.AuditedRegistry}), so the promotion writes the {@code status} and
 * {@code promote} entries a local promotion writes.
 */
public final class GcpPromotions {
  private final Approvals approvals;
  private final ApprovalDecisions decisions;
  private final ModelRegistry registry;
  private final DeployTarget target;
  private final AuditLog audit;
  private final String modelName;
  private final Clock clock;
  private final Optional<Promotions> homeRuns;

  /**
   * What {@link #approve} did: resumed the waiting run of this home (its result), or deployed a
   * Vertex job's version directly (the endpoint the deploy target reports).
   */
  public record Approved(Optional<RunResult> resumed, Map<String, Object> endpoint) {}

  /**
   * Actions over {@code approvals} and {@code registry} (the gcp profile's audited registry),
   * deploying a Vertex job's version to {@code target} as model {@code modelName} and auditing to
   * {@code audit}; {@code clock} decides expiry. {@code homeRuns}, the home's actions over the same
   * gcp {@code approvals}, {@code registry} and {@code audit}, decide the versions of the home's
   * waiting runs and roll back; empty: every version is a Vertex job's.
   */
  public GcpPromotions(
      Approvals approvals,
      ModelRegistry registry,
      DeployTarget target,
      AuditLog audit,
      String modelName,
      Clock clock,
      Optional<Promotions> homeRuns) {
    this.homeRuns = homeRuns;
    this.approvals = approvals;
    this.decisions = new ApprovalDecisions(approvals, registry);
    this.registry = registry;
    this.target = target;
    this.audit = audit;
    this.modelName = modelName;
    this.clock = clock;
  }

  /** Pending approvals of {@code pipeline}, oldest first (stale ones are expired first). */
  public List<Approval> pending(String pipeline) {
    expireStale(pipeline);
    return approvals.inState(pipeline, ApprovalState.PENDING);
  }

  /**
   * Expires every pending approval of {@code pipeline} past its time, ending its waiting run of
   * this home EXPIRED; returns how many.
   */
  public int expireStale(String pipeline) {
    Instant now = clock.instant();
    int expired = 0;
    for (Approval approval : approvals.inState(pipeline, ApprovalState.PENDING)) {
      if (decisions.expire(approval, now)) {
        finishExpired(approval);
        expired++;
      }
    }
    return expired;
  }

  /** The approval of {@code version}, in any state. */
  public Optional<Approval> approval(String pipeline, int version) {
    return approvals.find(pipeline, version);
  }

  /**
   * Approves {@code version}: resumes its waiting run of this home with {@code options}, or deploys
   * a Vertex job's version, moving traffic last: the new revision is staged (ready, no traffic)
   * before the approval is decided, so a deploy that fails leaves the approval pending and nothing
   * changed; then traffic moves and the version becomes champion. Should the traffic move or the
   * promotion fail after the decision, the version stays APPROVED and approving it again finishes
   * the deploy (decided once: of two reviewers only one decides).
   */
  public Approved approve(
      String pipeline, int version, Reviewer reviewer, String comment, RunOptions options)
      throws ReviewException {
    String why = ReviewChecks.requireText(comment, "an approval needs a comment (--comment TEXT)");
    Optional<Approval> unfinished = unfinished(pipeline, version);
    Approval approval = unfinished.isPresent() ? unfinished.get() : pending(pipeline, version);
    Optional<Promotions> home = homeRunOf(approval);
    if (home.isPresent()) {
      return new Approved(
          Optional.of(home.get().approve(pipeline, version, reviewer, why, options)), Map.of());
    }
    ReviewChecks.fourEyes(true, reviewer, approval);
    String subject = ModelRegistry.subject(pipeline, version);
    RegisteredVersion registered =
        registry
            .find(pipeline, version)
            .orElseThrow(
                () ->
                    new ReviewException(
                        ReviewException.Kind.NOT_FOUND, subject + " is not in the registry"));
    String image =
        registry
            .servingImage(pipeline, version)
            .orElseThrow(
                () ->
                    new ReviewException(
                        ReviewException.Kind.CONFLICT,
                        subject + " has no pushed image to deploy (its run did not package it)"));
    Map<String, Object> endpoint;
    try {
      endpoint =
          target.stage(
              new DeployRequest(image, registered.modelVersion(), approval.runId(), modelName, 0));
    } catch (ComponentException e) {
      throw new OperationFailedException(
          subject
              + " was not approved: its deploy to "
              + target.describe()
              + " failed before any traffic moved; the champion is unchanged: "
              + e.getMessage(),
          e);
    }
    if (unfinished.isEmpty()) {
      decisions.decide(
          pipeline, version, ApprovalState.APPROVED, reviewer.name(), why, clock.instant());
    }
    try {
      endpoint = target.release(registered.modelVersion(), image).orElse(endpoint);
    } catch (ComponentException e) {
      throw new OperationFailedException(
          subject
              + " was approved but "
              + target.describe()
              + " refused to move the traffic to it; the champion is unchanged: "
              + e.getMessage()
              + "; approve it again to finish the deploy",
          e);
    }
    String reason =
        "approved by "
            + approval.decidedBy().orElse(reviewer.name())
            + ": "
            + approvalText(approval, why);
    registry.promote(pipeline, version, reviewer.name(), reason, true);
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("run_id", approval.runId());
    detail.put("target", target.describe());
    detail.put("image", image);
    audit.append(clock.instant(), reviewer.name(), "deploy", subject, detail);
    return new Approved(Optional.empty(), endpoint);
  }

  /**
   * Rejects {@code version}; nothing is deployed, and its waiting run of this home ends REJECTED.
   */
  public void reject(String pipeline, int version, Reviewer reviewer, String comment)
      throws ReviewException {
    String why = ReviewChecks.requireText(comment, "a rejection needs a comment (--comment TEXT)");
    Approval approval = pending(pipeline, version);
    Optional<Promotions> home = homeRunOf(approval);
    if (home.isPresent()) {
      home.get().reject(pipeline, version, reviewer, why);
      return;
    }
    decisions.decide(
        pipeline, version, ApprovalState.REJECTED, reviewer.name(), why, clock.instant());
  }

  /**
   * Redeploys the {@code previous} version of {@code pipeline} (a run of this home) and makes it
   * champion, audited to the gcp log; returns the new champion's version.
   */
  public int rollback(String pipeline, Reviewer reviewer, String reason, RunOptions options)
      throws ReviewException {
    Promotions home =
        homeRuns.orElseThrow(
            () ->
                new ReviewException(
                    ReviewException.Kind.CONFLICT, "no home to roll back " + pipeline + " in"));
    return home.rollback(pipeline, reviewer, reason, options);
  }

  /**
   * The approval of {@code version} when a reviewer approved it but its deploy did not finish (the
   * version is still APPROVED, not yet champion), so approving again finishes it.
   */
  private Optional<Approval> unfinished(String pipeline, int version) {
    return approvals
        .find(pipeline, version)
        .filter(a -> a.state() == ApprovalState.APPROVED)
        .filter(
            a ->
                registry
                    .find(pipeline, version)
                    .filter(v -> v.status() == VersionStatus.APPROVED)
                    .isPresent());
  }

  /** The comment the approval was decided with, or {@code why} when it is being decided now. */
  private static String approvalText(Approval approval, String why) {
    return approval.state() == ApprovalState.APPROVED ? approval.comment().orElse(why) : why;
  }

  /** The PENDING, unexpired approval of {@code version}; an expired one ends its waiting run. */
  private Approval pending(String pipeline, int version) throws ReviewException {
    return ReviewChecks.pending(
        approvals, a -> decisions, pipeline, version, clock.instant(), this::finishExpired);
  }

  /** The home's actions when {@code approval}'s run is a run of this home waiting for it. */
  private Optional<Promotions> homeRunOf(Approval approval) {
    return homeRuns.filter(home -> home.waitsInThisHome(approval));
  }

  private void finishExpired(Approval approval) {
    homeRuns.ifPresent(home -> home.finishExpired(approval));
  }
}
