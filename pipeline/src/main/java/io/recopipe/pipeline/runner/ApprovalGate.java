package io.recopipe.pipeline.runner;

import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.pipeline.config.PromotionPolicy;
import io.recopipe.pipeline.dsl.Step;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ApprovalDecisions;
import io.recopipe.pipeline.review.Approvals;
import io.recopipe.pipeline.review.ReviewException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stands before every step that requires approval when the run's policy is {@code promotion:
 * review} or something forces review ({@link ReviewReasons}: a changed response contract, data not
 * comparable with the champion's): the first time it asks for an approval and holds the run
 * AWAITING_APPROVAL; later (on resume) it lets an approved run through and ends a rejected or
 * expired one, so nothing deploys without a reviewer's yes. Asking is the run's commit point (see
 * {@link RunCommit}): the reviewer needs the registered version and its tables.
 */
final class ApprovalGate {
  /** Why the walk stops before a step, and the run's status. */
  record Hold(RunStatus status, String message) {}

  private final RunSession session;
  private final PromotionPolicy policy;

  ApprovalGate(RunSession session) {
    this.session = session;
    this.policy = PromotionPolicy.from(session.parameters);
  }

  /** Whether the walk must stop before {@code step}, and how the run ends if so. */
  Optional<Hold> check(Step step) throws ReviewException, WarehouseException {
    if (!step.requiresApproval()) {
      return Optional.empty();
    }
    List<String> reasons = ReviewReasons.of(session);
    if (!policy.rule().waitsForReview(reasons)) {
      return Optional.empty();
    }
    Optional<RegisteredVersion> version = session.commit.commit();
    if (version.isEmpty()) {
      return Optional.of(
          new Hold(
              RunStatus.FAILED,
              "step "
                  + step.name()
                  + " requires approval"
                  + " under promotion: review, but run "
                  + session.runId
                  + " registered no model version"));
    }
    RegisteredVersion v = version.get();
    if (reasons.isEmpty()
        && session
            .registry
            .alias(v.pipeline(), ModelRegistry.CHAMPION)
            .filter(champion -> champion.version() == v.version())
            .isPresent()) {
      session.progress(
          step.name(),
          v.pipeline() + " v" + v.version() + " is the champion already; nothing to review");
      return Optional.empty();
    }
    Instant now = session.options.clock().instant();
    // the run's own registry (the home's, or Vertex AI for a gcp run) gets the status
    ApprovalDecisions decisions = new ApprovalDecisions(session.approvals, session.registry);
    Optional<Approval> found =
        session
            .approvals
            .forRun(session.runId)
            .or(() -> session.approvals.find(v.pipeline(), v.version()));
    if (found.isEmpty()) {
      Approval requested =
          decisions.request(
              v.pipeline(),
              v.version(),
              session.runId,
              session.startedBy,
              now,
              now.plus(policy.expiresAfter()),
              reasons);
      return Optional.of(waiting(requested, reasons));
    }
    Approval approval = found.get();
    return switch (approval.state()) {
      case PENDING -> {
        if (now.isBefore(approval.expiresAt())) {
          yield Optional.of(waiting(approval, reasons));
        }
        decisions.expire(approval, now);
        yield Optional.of(new Hold(RunStatus.EXPIRED, Approvals.expiredMessage(approval)));
      }
      case APPROVED -> {
        session.progress(
            step.name(),
            label(approval)
                + " approved by "
                + approval.decidedBy().orElse("?")
                + ": "
                + approval.comment().orElse(""));
        yield Optional.empty();
      }
      case REJECTED ->
          Optional.of(
              new Hold(
                  RunStatus.REJECTED,
                  label(approval)
                      + " was rejected by "
                      + approval.decidedBy().orElse("?")
                      + ": "
                      + approval.comment().orElse("")));
      case EXPIRED -> Optional.of(new Hold(RunStatus.EXPIRED, Approvals.expiredMessage(approval)));
    };
  }

  private static Hold waiting(Approval approval, List<String> reasons) {
    return new Hold(
        RunStatus.AWAITING_APPROVAL,
        "model "
            + label(approval)
            + " waits for approval"
            + (reasons.isEmpty() ? "" : " (review required: " + String.join("; ", reasons) + ")")
            + ": recopipe models approve "
            + approval.version()
            + " --comment \"...\" (or reject; expires at "
            + approval.expiresAt()
            + ")");
  }

  private static String label(Approval approval) {
    return approval.pipeline() + " v" + approval.version();
  }
}
