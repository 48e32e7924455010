package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.pipeline.insight.SvgCharts;
import io.recopipe.pipeline.metadata.ExecutionRecord;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.runner.RunHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /runs/{id}}: one run as a DAG picture and a table of its steps (status, duration,
 * cache hit, attempts, message, log link), so a reviewer can see what produced a candidate.
 */
final class RunPage implements Handler {
  private final ReviewSite site;

  /** What {@code run.jte} shows; {@code dagSvg} comes from {@link SvgCharts}. */
  record View(Frame frame, RunRecord run, String dagSvg, List<Step> steps) {}

  /** One row of the steps table; {@code log} is the log's link, or null when none was kept. */
  record Step(String name, ExecutionRecord execution, String log) {}

  RunPage(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) {
    String runId = ctx.pathParam("id");
    RunHistory.RunReport report =
        site.runner()
            .history()
            .show(runId)
            .orElseThrow(() -> new WebException(404, "no run " + runId));
    RunRecord run = report.run();
    List<Step> steps = new ArrayList<>();
    for (Map.Entry<String, RunHistory.ExecutionReport> entry : RunDag.latest(report).entrySet()) {
      boolean logged = entry.getValue().outputs().containsKey(StepLogHandler.PORT);
      steps.add(
          new Step(
              entry.getKey(),
              entry.getValue().execution(),
              logged ? Links.stepLog(runId, entry.getKey()) : null));
    }
    String dag = SvgCharts.dag(RunDag.nodes(report, site.known(run.pipeline())));
    Page.send(ctx, 200, "run.jte", new View(Page.frame(ctx, "Run " + runId), run, dag, steps));
  }
}
