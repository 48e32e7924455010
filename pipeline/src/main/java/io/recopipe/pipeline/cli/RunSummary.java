package io.recopipe.pipeline.cli;

import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.runner.RunResult;
import io.recopipe.pipeline.runner.StepResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how a run ended (each step's status, cache hit, duration and key) and maps its status to
 * the documented exit code, shared by {@code run} and {@code resume}.
 */
final class RunSummary {
  private RunSummary() {
  }

  static int print(RunResult result, PrintWriter out, PrintWriter err) {
    List<List<Object>> rows = new ArrayList<>();
    for (StepResult step : result.steps()) {
      rows.add(List.of(step.step(), step.status().toString(), step.cacheHit() ? "hit" : "-",
          String.format("%.2f s", step.durationMs() / 1000.0),
          step.cacheKey() == null ? "" : step.cacheKey().substring(0, Math.min(16,
              step.cacheKey().length()))));
    }
    out.println(TextTable.render(List.of("step", "status", "cache", "duration", "cache key"),
        rows));
    out.println("run " + result.runId() + ": " + result.status()
        + (result.message() == null ? "" : " — " + result.message()));
    if (result.status() == RunStatus.SUCCEEDED) {
      out.println("query the results: ./recopipe sql \"SELECT * FROM evaluation\"; details: "
          + "./recopipe runs show " + result.runId());
    }
    out.flush();
    return switch (result.status()) {
      case SUCCEEDED -> ExitCodes.OK;
      case GATED -> ExitCodes.GATED;
      default -> {
        err.println("recopipe: error: " + (result.message() == null ? "run failed"
            : result.message().replace('\n', ' ')));
        err.flush();
        yield ExitCodes.FAILED;
      }
    };
  }
}
