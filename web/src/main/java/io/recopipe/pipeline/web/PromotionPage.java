package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.pipeline.insight.GateReview;
import io.recopipe.pipeline.insight.PromotionInsight;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ApprovalState;
import java.util.Optional;

/**
 * {@code GET /promotions/{pipeline}/{version}}: a candidate against the serving champion (or, once
 * it serves itself, against the version it replaced) with all the evidence, and the approve/reject
 * form while it waits; a banner heads the page when the gate required review.
 */
final class PromotionPage implements Handler {
  private final ReviewSite site;

  /**
   * What {@code promotion.jte} shows: {@code decisionOpen} while the approval waits (the form posts
   * under {@code decisionBase}), and either the evidence or why it is unavailable.
   */
  record View(
      Frame frame,
      GateReview review,
      PromotionFacts facts,
      boolean decisionOpen,
      String decisionBase,
      InsightSections evidence,
      String evidenceError) {}

  PromotionPage(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) {
    String pipeline = site.pipeline(ctx.pathParam("pipeline")).name();
    int version = Requests.version(ctx);
    ModelRegistry registry = site.registry();
    RegisteredVersion candidate =
        registry
            .find(pipeline, version)
            .orElseThrow(
                () -> new WebException(404, "no model version " + pipeline + " v" + version));
    Optional<RegisteredVersion> baseline =
        registry
            .alias(pipeline, ModelRegistry.CHAMPION)
            .filter(c -> c.version() != version)
            .or(
                () ->
                    registry
                        .alias(pipeline, ModelRegistry.PREVIOUS)
                        .filter(p -> p.version() != version));
    String baselineLabel = baseline.map(b -> "Champion v" + b.version()).orElse("Champion");
    Optional<Approval> approval = site.approval(pipeline, version);

    GateReview review = GateReview.parse(Optional.ofNullable(candidate.gateDecision()));
    PromotionFacts facts = PromotionFacts.of(site, candidate, baseline, approval);
    boolean open = approval.map(a -> a.state() == ApprovalState.PENDING).orElse(false);
    InsightSections evidence = null;
    String evidenceError = null;
    try {
      PromotionInsight insight = site.insights().of(candidate, baseline);
      evidence =
          InsightSections.of(
              insight,
              baselineLabel,
              site.insights().hybridMetrics(candidate),
              TrialsSection.trials(site.runner().history(), candidate).orElse(null));
    } catch (RuntimeException e) {
      if (e instanceof WebException web && web.status() != 404) {
        throw e;
      }
      evidenceError = e.getMessage();
    }
    Page.send(
        ctx,
        200,
        "promotion.jte",
        new View(
            Page.frame(ctx, pipeline + " v" + version),
            review,
            facts,
            open,
            Links.promotion(pipeline, version),
            evidence,
            evidenceError));
  }
}
