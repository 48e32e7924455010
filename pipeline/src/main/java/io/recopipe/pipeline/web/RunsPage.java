package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.pipeline.metadata.RunRecord;
import java.util.List;

/** {@code GET /runs}: every recorded run, newest first, each linking to its detail page. */
final class RunsPage implements Handler {
  private final ReviewSite site;

  RunsPage(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) {
    Html body = new Html();
    table(body, site.runner().history().listRuns());
    Page.send(ctx, 200, "Runs", body.toString());
  }

  /** Appends a table of {@code runs}. */
  static void table(Html body, List<RunRecord> runs) {
    if (runs.isEmpty()) {
      body.raw("<p>No runs yet.</p>");
      return;
    }
    body.raw("<table class=\"runs\">")
        .headerRow("Run", "Pipeline", "Status", "Started", "Ended", "By", "Message");
    for (RunRecord run : runs) {
      body.raw("<tr><td>").link(HomePage.runLink(run), run.id()).raw("</td><td>")
          .text(run.pipeline()).raw("</td><td>")
          .element("span", "status " + run.status().name().toLowerCase(java.util.Locale.ROOT),
              run.status())
          .raw("</td><td>").text(Formats.time(run.startedAt()))
          .raw("</td><td>").text(Formats.time(run.endedAt()))
          .raw("</td><td>").text(run.who())
          .raw("</td><td>").text(run.message() == null ? "" : run.message()).raw("</td></tr>");
    }
    body.raw("</table>");
  }
}
