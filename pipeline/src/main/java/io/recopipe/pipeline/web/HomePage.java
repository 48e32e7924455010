package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.review.Approval;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /}: what waits for a reviewer (pending promotions, oldest first), then the latest
 * runs and the model registries, so the first page answers "is there anything to review?".
 */
final class HomePage implements Handler {
  /** How many recent runs the page lists. */
  static final int RECENT_RUNS = 10;
  private final ReviewSite site;

  HomePage(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) {
    List<Approval> pending = new ArrayList<>();
    site.pipelineNames().forEach(name -> pending.addAll(site.promotions().pending(name)));
    Html body = new Html().element("h2", "Pending promotions");
    if (pending.isEmpty()) {
      body.raw("<p id=\"no-pending\">Nothing waits for review.</p>");
    } else {
      body.raw("<table id=\"pending\">")
          .headerRow("Model version", "Run", "Started by", "Requested", "Expires");
      for (Approval approval : pending) {
        String version = approval.pipeline() + " v" + approval.version();
        body.raw("<tr><td>").link("/promotions/" + Html.segment(approval.pipeline()) + "/"
            + approval.version(), version).raw("</td><td>")
            .link("/runs/" + Html.segment(approval.runId()), approval.runId())
            .raw("</td><td>").text(approval.startedBy())
            .raw("</td><td>").text(Formats.time(approval.requestedAt()))
            .raw("</td><td>").text(Formats.time(approval.expiresAt())).raw("</td></tr>");
      }
      body.raw("</table>");
    }
    body.element("h2", "Recent runs");
    RunsPage.table(body, site.runner().history().listRuns().stream().limit(RECENT_RUNS)
        .toList());
    body.raw("<p>").link("/runs", "All runs").raw("</p>").element("h2", "Models").raw("<ul>");
    for (String name : site.pipelineNames()) {
      body.raw("<li>").link("/models/" + Html.segment(name), name).raw("</li>");
    }
    body.raw("</ul>");
    Page.send(ctx, 200, "Pending promotions", body.toString());
  }

  static String runLink(RunRecord run) {
    return "/runs/" + Html.segment(run.id());
  }
}
