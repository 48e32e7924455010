package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.pipeline.insight.GateReview;
import io.recopipe.pipeline.insight.PromotionInsight;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.ModelVersion;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ApprovalState;
import java.util.Optional;

/**
 * {@code GET /promotions/{pipeline}/{version}}: a candidate against the serving champion (or,
 * once it serves itself, against the version it replaced) with all the evidence, and the
 * approve/reject form while it waits; a banner heads the page when the gate required review.
 */
final class PromotionPage implements Handler {
  private final ReviewSite site;

  PromotionPage(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) {
    String pipeline = site.pipeline(ctx.pathParam("pipeline")).name();
    int version = Requests.version(ctx);
    ModelRegistry registry = site.runner().registry();
    ModelVersion candidate = registry.find(pipeline, version).orElseThrow(() ->
        new WebException(404, "no model version " + pipeline + " v" + version));
    Optional<ModelVersion> baseline = registry.alias(pipeline, ModelRegistry.CHAMPION)
        .filter(c -> c.version() != version)
        .or(() -> registry.alias(pipeline, ModelRegistry.PREVIOUS)
            .filter(p -> p.version() != version));
    String baselineLabel = baseline.map(b -> "Champion v" + b.version()).orElse("Champion");
    Optional<Approval> approval = site.promotions().approval(pipeline, version);

    Html body = new Html();
    GateReview review = GateReview.parse(Optional.ofNullable(candidate.gateDecision()));
    GateReviewSections.banner(body, review);
    PromotionFacts.render(body, site, candidate, baseline, approval);
    if (approval.map(a -> a.state() == ApprovalState.PENDING).orElse(false)) {
      decisionForm(body, ctx, pipeline, version);
    }
    GateReviewSections.dataChecks(body, review);
    try {
      PromotionInsight insight = site.insights().of(candidate, baseline);
      InsightSections.metrics(body, insight.metrics(), baselineLabel);
      InsightSections.hybrid(body, site.insights().hybridMetrics(candidate));
      InsightSections.gate(body, insight.gateChecks());
      InsightSections.charts(body, insight);
      TrialsSection.render(body, site.runner().history(), candidate);
      InsightSections.samples(body, insight.samples(), baselineLabel);
    } catch (RuntimeException e) {
      if (e instanceof WebException web && web.status() != 404) {
        throw e;
      }
      body.raw("<p class=\"error\" id=\"insight-error\">the evidence is unavailable: ")
          .text(e.getMessage()).raw("</p>");
    }
    Page.send(ctx, 200, pipeline + " v" + version, body.toString());
  }

  private static void decisionForm(Html body, Context ctx, String pipeline, int version) {
    String base = "/promotions/" + Html.segment(pipeline) + "/" + version;
    body.element("h2", "Decision");
    Page.form(body, ctx, base + "/approve", "decide")
        .raw("<label for=\"comment\">Comment (recorded in the audit log)</label>")
        .raw("<textarea id=\"comment\" name=\"comment\" rows=\"3\" maxlength=\"")
        .text(DecisionAction.MAX_COMMENT).raw("\" required></textarea>")
        .raw("<div class=\"buttons\"><button type=\"submit\" id=\"approve\" class=\"approve\">"
            + "Approve and deploy</button>")
        .raw("<button type=\"submit\" id=\"reject\" class=\"reject\" formaction=\"")
        .text(base + "/reject").raw("\">Reject</button></div></form>");
  }
}
