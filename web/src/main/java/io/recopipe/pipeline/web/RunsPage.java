package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.pipeline.metadata.RunRecord;
import java.util.List;

/** {@code GET /runs}: every recorded run, newest first, each linking to its detail page. */
final class RunsPage implements Handler {
  private final ReviewSite site;

  /** What {@code runs.jte} shows. */
  record View(Frame frame, List<RunRecord> runs) {}

  RunsPage(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) {
    Page.send(
        ctx,
        200,
        "runs.jte",
        new View(Page.frame(ctx, "Runs"), site.runner().history().listRuns()));
  }
}
