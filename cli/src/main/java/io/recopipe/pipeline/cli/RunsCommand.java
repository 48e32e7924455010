package io.recopipe.pipeline.cli;

import io.recopipe.model.error.InvalidInputException;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.metadata.ExecutionRecord;
import io.recopipe.pipeline.metadata.RunRecord;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunHistory;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe runs list | show RUN_ID}: the run history kept in the home's metadata store, with
 * each step's duration, cache key and hit, metrics, gate checks, artifacts and lineage.
 */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Lists and shows runs.")
final class RunsCommand {
  @Spec CommandSpec spec;

  @Command(name = "list", description = "Lists runs, newest first.")
  int list(@Mixin HomeOption home) {
    try (LocalRunner runner = home.runner()) {
      List<List<Object>> rows = new ArrayList<>();
      for (RunRecord run : runner.history().listRuns()) {
        rows.add(
            java.util.Arrays.asList(
                run.id(),
                run.pipeline(),
                run.status().toString(),
                run.startedAt().toString(),
                duration(run),
                run.message()));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          TextTable.render(
              List.of("run", "pipeline", "status", "started", "duration", "message"), rows));
      out.flush();
    }
    return ExitCodes.OK;
  }

  @Command(
      name = "show",
      description = "Shows one run: steps, cache keys, metrics, gate, " + "artifacts, lineage.")
  int show(@Parameters(paramLabel = "RUN_ID") String runId, @Mixin HomeOption home) {
    try (LocalRunner runner = home.runner()) {
      RunHistory history = runner.history();
      RunHistory.RunReport report =
          history
              .show(runId)
              .orElseThrow(
                  () -> new InvalidInputException("no run " + runId + " in " + home.resolve()));
      PrintWriter out = spec.commandLine().getOut();
      RunRecord run = report.run();
      out.printf(
          "run %s  pipeline %s  status %s%s%n",
          run.id(),
          run.pipeline(),
          run.status(),
          run.message() == null ? "" : "  (" + run.message() + ")");
      out.printf("started %s by %s, took %s%n", run.startedAt(), run.who(), duration(run));
      out.println("parameters:");
      run.parameters().forEach((key, value) -> out.printf("  %s = %s%n", key, value));
      for (RunHistory.ExecutionReport execution : report.executions()) {
        printExecution(out, history, execution);
      }
      out.flush();
    }
    return ExitCodes.OK;
  }

  private static void printExecution(
      PrintWriter out, RunHistory history, RunHistory.ExecutionReport report) {
    ExecutionRecord e = report.execution();
    out.printf(
        "%nstep %s (%s v%s): %s%s, %s, attempts %d%n",
        e.step(),
        e.component(),
        e.version(),
        e.status(),
        e.cacheHit() ? " [cache hit]" : "",
        e.durationMs() == null ? "-" : String.format("%.2f s", e.durationMs() / 1000.0),
        e.attempts());
    if (e.cacheKey() != null) {
      out.println("  cache key " + e.cacheKey());
    }
    if (e.message() != null) {
      out.println("  message: " + e.message());
    }
    report.metrics().forEach((name, value) -> out.printf("  metric %s = %s%n", name, value));
    printArtifacts(out, history, "input", report.inputs());
    printArtifacts(out, history, "output", report.outputs());
    report.gateDecision().ifPresent(json -> out.println("  decision: " + json.replace('\n', ' ')));
  }

  private static void printArtifacts(
      PrintWriter out, RunHistory history, String kind, Map<String, StoredArtifact> artifacts) {
    artifacts.forEach(
        (port, artifact) ->
            out.printf(
                "  %s %s: %s %s (%d bytes, sha256 %s)%s%n",
                kind,
                port,
                artifact.type(),
                history.locate(artifact),
                artifact.bytes(),
                artifact.sha256().substring(0, Math.min(16, artifact.sha256().length())),
                java.nio.file.Files.isDirectory(history.locate(artifact)) ? "" : " [removed]"));
  }

  private static String duration(RunRecord run) {
    if (run.endedAt() == null) {
      return "-";
    }
    Duration took = Duration.between(run.startedAt(), run.endedAt());
    return String.format("%.1f s", took.toMillis() / 1000.0);
  }
}
