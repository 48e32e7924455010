package io.recopipe.pipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.runner.RunHistory;
import io.recopipe.pipeline.runner.RunResult;
import io.recopipe.pipeline.runner.StepResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prints how a run ended (each step's status, cache hit, duration and key) and maps its status to
 * the documented exit code, shared by {@code run} and {@code resume}.
 */
final class RunSummary {
  private RunSummary() {}

  /** Prints the run's outcome, its evaluation and gate summary, and returns the exit code. */
  static int print(
      RunResult result,
      java.util.Optional<RunHistory.RunReport> report,
      java.util.Optional<String> endpoint,
      PrintWriter out,
      PrintWriter err) {
    List<List<Object>> rows = new ArrayList<>();
    for (StepResult step : result.steps()) {
      rows.add(
          List.of(
              step.step(),
              step.status().toString(),
              step.cacheHit() ? "hit" : "-",
              String.format("%.2f s", step.durationMs() / 1000.0),
              step.cacheKey() == null
                  ? ""
                  : step.cacheKey().substring(0, Math.min(16, step.cacheKey().length()))));
    }
    out.println(
        TextTable.render(List.of("step", "status", "cache", "duration", "cache key"), rows));
    report.ifPresent(r -> printQuality(r, out));
    out.println(
        "run "
            + result.runId()
            + ": "
            + result.status()
            + (result.message() == null ? "" : " — " + result.message()));
    endpoint.ifPresent(
        url -> {
          out.println("endpoint: " + url);
          out.println(
              "try it:   curl -s -X POST "
                  + url
                  + " -H 'Content-Type: application/json' "
                  + "-d '{\"instances\": [{\"user_id\": 1}]}'");
        });
    if (result.status() == RunStatus.SUCCEEDED) {
      out.println(
          "query the results: ./recopipe sql \"SELECT * FROM evaluation\"; details: "
              + "./recopipe runs show "
              + result.runId());
    }
    out.flush();
    return switch (result.status()) {
      case SUCCEEDED -> ExitCodes.OK;
      case GATED -> ExitCodes.GATED;
      case AWAITING_APPROVAL -> {
        out.println(
            "next: another reviewer approves or rejects it with the command above "
                + "(authenticated by --token-file FILE or RECOPIPE_REVIEWER_TOKEN); "
                + "./recopipe models list shows what waits");
        out.flush();
        yield ExitCodes.AWAITING_APPROVAL;
      }
      case REJECTED -> ExitCodes.REJECTED;
      case EXPIRED -> ExitCodes.EXPIRED;
      case ROLLED_BACK -> {
        err.println("recopipe: deploy rolled back: " + result.message());
        err.flush();
        yield ExitCodes.ROLLED_BACK;
      }
      default -> {
        err.println(
            "recopipe: error: "
                + (result.message() == null ? "run failed" : result.message().replace('\n', ' ')));
        err.flush();
        yield result.badInput() ? ExitCodes.BAD_INPUT : ExitCodes.FAILED;
      }
    };
  }

  /** The candidate's headline metrics and the gate's one-line verdict, when the run got there. */
  private static void printQuality(RunHistory.RunReport report, PrintWriter out) {
    boolean comparable = comparableWithChampion(report);
    for (RunHistory.ExecutionReport execution : report.executions()) {
      String step = execution.execution().step();
      java.util.Map<String, Double> metrics = execution.metrics();
      if (step.equals("evaluate") && metrics.containsKey("root_mean_squared_error")) {
        out.printf(
            java.util.Locale.ROOT,
            "evaluate: RMSE %.4f, MAE %.4f, R² %.4f on %.0f " + "held-out ratings%s%n",
            metrics.get("root_mean_squared_error"),
            metrics.getOrDefault("mean_absolute_error", Double.NaN),
            metrics.getOrDefault("r2_score", Double.NaN),
            metrics.getOrDefault("eval_rows", Double.NaN),
            !comparable
                ? NOT_COMPARABLE
                : metrics.containsKey("delta_root_mean_squared_error")
                    ? String.format(
                        java.util.Locale.ROOT,
                        " (RMSE %+.4f vs champion)",
                        metrics.get("delta_root_mean_squared_error"))
                    : "");
      } else if (step.equals("evaluate") && metrics.containsKey("mean_average_precision")) {
        out.printf(
            java.util.Locale.ROOT,
            "evaluate (implicit): MAP@10 %.4f, NDCG@10 %.4f, " + "average rank %.4f%s%n",
            metrics.get("mean_average_precision"),
            metrics.getOrDefault("normalized_discounted_cumulative_gain", Double.NaN),
            metrics.getOrDefault("average_rank", Double.NaN),
            !comparable
                ? NOT_COMPARABLE
                : metrics.containsKey("delta_mean_average_precision")
                    ? String.format(
                        java.util.Locale.ROOT,
                        " (MAP %+.4f vs champion)",
                        metrics.get("delta_mean_average_precision"))
                    : "");
      }
      execution
          .gateDecision()
          .ifPresent(
              json -> {
                try {
                  JsonNode decision = JsonFields.asObject(Json.parse(json));
                  out.println("gate: " + JsonFields.string(decision, "summary"));
                } catch (RuntimeException e) {
                  out.println("gate: " + json.replace('\n', ' '));
                }
              });
    }
  }

  /** The evaluate line's note when the gate found the champion's data too different to compare. */
  private static final String NOT_COMPARABLE = " (not comparable with the champion: see the gate)";

  /** False when the gate reported a change-vs-champion check as not comparable. */
  private static boolean comparableWithChampion(RunHistory.RunReport report) {
    for (RunHistory.ExecutionReport execution : report.executions()) {
      Optional<String> json = execution.gateDecision();
      if (json.isPresent()) {
        try {
          for (JsonNode check :
              JsonFields.array(JsonFields.asObject(Json.parse(json.get())), "checks")) {
            if ("not_comparable"
                .equals(JsonFields.string(JsonFields.asObject(check), "outcome", ""))) {
              return false;
            }
          }
        } catch (RuntimeException unreadable) {
          return true;
        }
      }
    }
    return true;
  }
}
