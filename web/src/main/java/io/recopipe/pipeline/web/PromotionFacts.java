package io.recopipe.pipeline.web;

import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.review.Approval;
import java.util.Locale;
import java.util.Optional;

/**
 * The head of a promotion page ({@code facts.jte}): what the candidate is, where it came from, what
 * it is compared with, and the decision so far (who, when, why) with the outcome of the resumed
 * run.
 *
 * @param decisionState the approval state as a CSS class, or null without an approval
 * @param decision the decision in one sentence, or null without an approval
 * @param outcome the approval's run, or null when there is none (yet)
 * @param outcomeText what became of {@code outcome}, after its link
 */
record PromotionFacts(
    RegisteredVersion candidate,
    Optional<RegisteredVersion> baseline,
    String decisionState,
    String decision,
    RunRecord outcome,
    String outcomeText) {

  static PromotionFacts of(
      ReviewSite site,
      RegisteredVersion candidate,
      Optional<RegisteredVersion> baseline,
      Optional<Approval> approval) {
    if (approval.isEmpty()) {
      return new PromotionFacts(candidate, baseline, null, null, null, null);
    }
    Approval a = approval.get();
    RunRecord run = site.runner().history().show(a.runId()).map(r -> r.run()).orElse(null);
    String outcome =
        run == null
            ? null
            : " is " + run.status() + (run.message() == null ? "" : ": " + run.message());
    return new PromotionFacts(
        candidate, baseline, a.state().name().toLowerCase(Locale.ROOT), decision(a), run, outcome);
  }

  private static String decision(Approval approval) {
    return switch (approval.state()) {
      case PENDING ->
          "Waiting for review since "
              + Formats.time(approval.requestedAt())
              + " (expires "
              + Formats.time(approval.expiresAt())
              + "); run started by "
              + approval.startedBy()
              + ".";
      case EXPIRED -> "Expired unreviewed at " + Formats.time(approval.expiresAt()) + ".";
      default ->
          approval.state()
              + " by "
              + approval.decidedBy().orElse("?")
              + " at "
              + approval.decidedAt().map(Formats::time).orElse("–")
              + ": "
              + approval.comment().orElse("");
    };
  }
}
