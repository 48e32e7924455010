package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.pipeline.insight.SvgCharts;
import io.recopipe.pipeline.metadata.ExecutionRecord;
import io.recopipe.pipeline.runner.RunHistory;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /runs/{id}}: one run as a DAG picture and a table of its steps (status, duration,
 * cache hit, attempts, message, log link), so a reviewer can see what produced a candidate.
 */
final class RunPage implements Handler {
  private final ReviewSite site;

  RunPage(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) {
    String runId = ctx.pathParam("id");
    RunHistory.RunReport report = site.runner().history().show(runId)
        .orElseThrow(() -> new WebException(404, "no run " + runId));
    var run = report.run();
    Html body = new Html().raw("<dl class=\"facts\">")
        .element("dt", "Pipeline").element("dd", run.pipeline())
        .element("dt", "Status").raw("<dd>")
        .element("span", "status " + run.status().name().toLowerCase(Locale.ROOT), run.status())
        .raw("</dd>").element("dt", "Started").element("dd", Formats.time(run.startedAt()))
        .element("dt", "Ended").element("dd", Formats.time(run.endedAt()))
        .element("dt", "Started by").element("dd", run.who());
    if (run.message() != null) {
      body.element("dt", "Message").element("dd", run.message());
    }
    body.raw("</dl>").element("h2", "Steps")
        .raw("<div class=\"chart dag\" id=\"dag\">")
        .raw(SvgCharts.dag(RunDag.nodes(report, site.known(run.pipeline()))))
        .raw("</div><table id=\"steps\">")
        .headerRow("Step", "Status", "Duration", "Cache", "Attempts", "Message", "Log");
    for (Map.Entry<String, RunHistory.ExecutionReport> entry
        : RunDag.latest(report).entrySet()) {
      ExecutionRecord execution = entry.getValue().execution();
      body.raw("<tr><td>").text(entry.getKey()).raw("</td><td>")
          .element("span", "status " + execution.status().name().toLowerCase(Locale.ROOT),
              execution.status())
          .raw("</td><td>").text(Formats.duration(execution.durationMs()))
          .raw("</td><td>").text(execution.cacheHit() ? "hit" : "miss")
          .raw("</td><td>").text(execution.attempts())
          .raw("</td><td>").text(execution.message() == null ? "" : execution.message())
          .raw("</td><td>");
      if (entry.getValue().outputs().containsKey(StepLogHandler.PORT)) {
        body.link("/runs/" + Html.segment(runId) + "/steps/" + Html.segment(entry.getKey())
            + "/log", "log");
      }
      body.raw("</td></tr>");
    }
    body.raw("</table>");
    Page.send(ctx, 200, "Run " + runId, body.toString());
  }
}
