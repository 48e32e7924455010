package io.recopipe.pipeline.promotion;

import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ApprovalDecisions;
import io.recopipe.pipeline.review.ApprovalState;
import io.recopipe.pipeline.review.Approvals;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The checks every reviewer action makes before deciding, written once for the home's actions
 * ({@link Promotions}) and the gcp profile's ({@link GcpPromotions}), so four-eyes, expiry and the
 * refusals read the same on either.
 */
final class ReviewChecks {
  private ReviewChecks() {}

  /** {@code text} trimmed; refused (INVALID) with {@code problem} when blank. */
  static String requireText(String text, String problem) throws ReviewException {
    if (text == null || text.isBlank()) {
      throw new ReviewException(ReviewException.Kind.INVALID, problem);
    }
    return text.trim();
  }

  /**
   * The PENDING, unexpired approval of {@code version}; refused otherwise. A pending approval past
   * its deadline is expired on the spot (through the approval's {@code decisions}, which also mark
   * its version EXPIRED) and {@code expired} is told.
   */
  static Approval pending(
      Approvals approvals,
      Function<Approval, ApprovalDecisions> decisions,
      String pipeline,
      int version,
      Instant now,
      Consumer<Approval> expired)
      throws ReviewException {
    String subject = ModelRegistry.subject(pipeline, version);
    Approval approval =
        approvals
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
    if (!now.isBefore(approval.expiresAt())) {
      if (decisions.apply(approval).expire(approval, now)) {
        expired.accept(approval);
      }
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

  /** Refuses (FORBIDDEN) {@code reviewer} approving the run they started, when four-eyes holds. */
  static void fourEyes(boolean required, Reviewer reviewer, Approval approval)
      throws ReviewException {
    if (required && reviewer.name().equals(approval.startedBy())) {
      throw new ReviewException(
          ReviewException.Kind.FORBIDDEN,
          "four-eyes rule: "
              + reviewer.name()
              + " started run "
              + approval.runId()
              + " and cannot approve it");
    }
  }
}
