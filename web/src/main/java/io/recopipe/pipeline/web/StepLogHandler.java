package io.recopipe.pipeline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.runner.FileStepLog;
import io.recopipe.pipeline.runner.RunHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code GET /runs/{id}/steps/{step}/log}: the step's recorded log as {@code text/plain} (with
 * nosniff, so a log line that looks like HTML is never rendered as HTML).
 */
final class StepLogHandler implements Handler {
  /** The output port of every execution's log artifact. */
  static final String PORT = "log";

  /** The file inside the log artifact. */
  static final String FILE = FileStepLog.FILE;

  private final ReviewSite site;

  StepLogHandler(ReviewSite site) {
    this.site = site;
  }

  @Override
  public void handle(Context ctx) {
    String runId = ctx.pathParam("id");
    String step = ctx.pathParam("step");
    RunHistory history = site.runner().history();
    RunHistory.RunReport report =
        history.show(runId).orElseThrow(() -> new WebException(404, "no run " + runId));
    RunHistory.ExecutionReport execution = RunDag.latest(report).get(step);
    StoredArtifact log = execution == null ? null : execution.outputs().get(PORT);
    if (log == null) {
      throw new WebException(404, "no log recorded for step " + step + " of run " + runId);
    }
    Path file = history.locate(log).resolve(FILE);
    try {
      byte[] text = FileStepLog.text(file).getBytes(StandardCharsets.UTF_8);
      ctx.attribute(Page.RENDERED, true);
      ctx.status(200).contentType("text/plain; charset=utf-8").result(text);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new WebException(404, "the log of step " + step + " of run " + runId + " is gone");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the log of step " + step + " of run " + runId, e);
    }
  }
}
