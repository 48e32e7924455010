package io.recopipe.pipeline.web;

import io.recopipe.pipeline.registry.ModelVersion;
import io.recopipe.pipeline.review.Approval;
import java.util.Locale;
import java.util.Optional;

/**
 * The head of a promotion page: what the candidate is, where it came from, what it is compared
 * with, and the decision so far (who, when, why) with the outcome of the resumed run.
 */
final class PromotionFacts {
  private PromotionFacts() {
  }

  static void render(Html body, ReviewSite site, ModelVersion candidate,
      Optional<ModelVersion> baseline, Optional<Approval> approval) {
    approval.ifPresent(a -> decision(body, site, a));
    body.raw("<dl class=\"facts\">")
        .element("dt", "Status").raw("<dd id=\"version-status\">")
        .element("span", "status " + candidate.status().name().toLowerCase(Locale.ROOT),
            candidate.status())
        .raw("</dd>").element("dt", "Run").raw("<dd>")
        .link("/runs/" + Html.segment(candidate.runId()), candidate.runId()).raw("</dd>")
        .element("dt", "Model content version").element("dd", candidate.modelVersion())
        .element("dt", "Data fingerprint").element("dd", candidate.dataFingerprint())
        .element("dt", "Registered").element("dd", Formats.time(candidate.createdAt()))
        .element("dt", "Blessed by the gate").element("dd", candidate.blessed() ? "yes" : "no")
        .element("dt", "Compared with").raw("<dd>");
    if (baseline.isPresent()) {
      body.link("/models/" + Html.segment(candidate.pipeline()),
          "v" + baseline.get().version() + " (" + baseline.get().modelVersion() + ")");
    } else {
      body.text("nothing: no model has served yet");
    }
    body.raw("</dd>").element("dt", "Training options").raw("<dd>");
    candidate.options().forEach((k, v) -> body.element("code", k + "=" + v).raw(" "));
    body.raw("</dd></dl>");
  }

  private static void decision(Html body, ReviewSite site, Approval approval) {
    body.raw("<p id=\"decision\" class=\"decision ")
        .text(approval.state().name().toLowerCase(Locale.ROOT)).raw("\">");
    switch (approval.state()) {
      case PENDING -> body.text("Waiting for review since " + Formats.time(approval.requestedAt())
          + " (expires " + Formats.time(approval.expiresAt()) + "); run started by "
          + approval.startedBy() + ".");
      case EXPIRED -> body.text("Expired unreviewed at " + Formats.time(approval.expiresAt())
          + ".");
      default -> body.text(approval.state() + " by " + approval.decidedBy().orElse("?") + " at "
          + approval.decidedAt().map(Formats::time).orElse("–") + ": "
          + approval.comment().orElse(""));
    }
    body.raw("</p>");
    site.runner().history().show(approval.runId()).ifPresent(report -> body
        .raw("<p id=\"run-outcome\">Run ").link("/runs/" + Html.segment(approval.runId()),
            approval.runId()).text(" is " + report.run().status()
            + (report.run().message() == null ? "" : ": " + report.run().message()))
        .raw("</p>"));
  }
}
