package io.recopipe.pipeline.promotion;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.deploy.DeployRequest;
import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.PromotionEntries;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ApprovalDecisions;
import io.recopipe.pipeline.review.ApprovalState;
import io.recopipe.pipeline.review.Approvals;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reviewer actions of the gcp profile, for versions a Vertex AI pipeline left awaiting
 * approval: there is no local run to resume, so approving deploys the version's pushed image to
 * Cloud Run directly and makes it champion. The rules are the home's: a comment is required, an
 * expired approval is refused, the run's starter cannot approve it (four-eyes, always on here: no
 * run record carries a weaker policy), and every decision and the deploy are audited, and so is the
 * promotion with the {@code status} and {@code promote} entries a local promotion writes ({@link
 * PromotionEntries}), since the Vertex AI Model Registry keeps no audit log of its own.
 */
public final class GcpPromotions {
  private final Approvals approvals;
  private final ApprovalDecisions decisions;
  private final ModelRegistry registry;
  private final DeployTarget target;
  private final AuditLog audit;
  private final String modelName;
  private final Clock clock;

  /**
   * Actions over {@code approvals} and {@code registry}, deploying to {@code target} as model
   * {@code modelName} and auditing to {@code audit}; {@code clock} decides expiry.
   */
  public GcpPromotions(
      Approvals approvals,
      ModelRegistry registry,
      DeployTarget target,
      AuditLog audit,
      String modelName,
      Clock clock) {
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
    Instant now = clock.instant();
    approvals.inState(pipeline, ApprovalState.PENDING).forEach(a -> decisions.expire(a, now));
    return approvals.inState(pipeline, ApprovalState.PENDING);
  }

  /** The approval of {@code version}, in any state. */
  public Optional<Approval> approval(String pipeline, int version) {
    return approvals.find(pipeline, version);
  }

  /**
   * Approves {@code version} and deploys it; returns the endpoint the deploy target reports. The
   * approval is decided first (so of two reviewers only one deploys); a deploy that fails leaves
   * the approval standing, traffic where it was and the champion unchanged.
   */
  public Map<String, Object> approve(
      String pipeline, int version, Reviewer reviewer, String comment) throws ReviewException {
    String why = ReviewChecks.requireText(comment, "an approval needs a comment (--comment TEXT)");
    Approval approval =
        ReviewChecks.pending(
            approvals, a -> decisions, pipeline, version, clock.instant(), expired -> {});
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
    decisions.decide(
        pipeline, version, ApprovalState.APPROVED, reviewer.name(), why, clock.instant());
    Map<String, Object> endpoint;
    try {
      endpoint =
          target.deploy(
              new DeployRequest(image, registered.modelVersion(), approval.runId(), modelName, 0));
    } catch (ComponentException e) {
      throw new OperationFailedException(
          subject
              + " was approved but its deploy to "
              + target.describe()
              + " failed; the champion is unchanged: "
              + e.getMessage(),
          e);
    }
    Optional<Integer> from =
        registry.alias(pipeline, ModelRegistry.CHAMPION).map(RegisteredVersion::version);
    String reason = "approved by " + reviewer.name() + ": " + why;
    registry.promote(pipeline, version, reviewer.name(), reason, true);
    Instant now = clock.instant();
    for (PromotionEntries.Entry e :
        PromotionEntries.of(registry, pipeline, version, from, reason, true)) {
      audit.append(now, reviewer.name(), e.action(), e.subject(), e.detail());
    }
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("run_id", approval.runId());
    detail.put("target", target.describe());
    detail.put("image", image);
    audit.append(now, reviewer.name(), "deploy", subject, detail);
    return endpoint;
  }

  /** Rejects {@code version}; nothing is deployed. */
  public void reject(String pipeline, int version, Reviewer reviewer, String comment)
      throws ReviewException {
    String why = ReviewChecks.requireText(comment, "a rejection needs a comment (--comment TEXT)");
    ReviewChecks.pending(
        approvals, a -> decisions, pipeline, version, clock.instant(), expired -> {});
    decisions.decide(
        pipeline, version, ApprovalState.REJECTED, reviewer.name(), why, clock.instant());
  }
}
