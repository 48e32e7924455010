package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.review.Approval;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /}: what waits for a reviewer (pending promotions, oldest first), then the latest runs
 * and the model registries, so the first page answers "is there anything to review?".
 */
final class HomePage implements Handler {
  /** How many recent runs the page lists. */
  static final int RECENT_RUNS = 10;

  private final ReviewSite site;

  /** What {@code home.jte} shows. */
  record View(Frame frame, List<Approval> pending, List<RunRecord> runs, List<String> pipelines) {}

  HomePage(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) {
    List<Approval> pending = new ArrayList<>();
    site.pipelineNames().forEach(name -> pending.addAll(site.pending(name)));
    List<RunRecord> runs = site.runner().history().listRuns().stream().limit(RECENT_RUNS).toList();
    Page.send(
        ctx,
        200,
        "home.jte",
        new View(Page.frame(ctx, "Pending promotions"), pending, runs, site.pipelineNames()));
  }
}
