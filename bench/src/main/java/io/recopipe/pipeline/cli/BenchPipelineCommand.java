package io.recopipe.pipeline.cli;

import io.recopipe.components.api.Services;
import io.recopipe.components.deploy.EndpointRegistry;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.bench.PeakRss;
import io.recopipe.pipeline.bench.StepRows;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.endpoint.JournalReconciler;
import io.recopipe.pipeline.home.NativeLibraries;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunHistory;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunProfiles;
import io.recopipe.pipeline.runner.RunResult;
import io.recopipe.pipeline.runner.StepResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe bench pipeline}: the shipped {@code recopipe run} (ingest → deploy) per data
 * source in a fresh home, as JSON lines: each step's seconds, rows and rows/s, then the wall time
 * with the part spent outside the steps (opening the home, and the commit that publishes the run's
 * staged tables), the process's CPU seconds (the serving process it starts is not counted) and peak
 * RSS; a second, cached run shows what caching saves. The deployed endpoint is stopped after each
 * source.
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = "Benchmarks whole pipeline runs; prints one JSON line per step and a total.")
final class BenchPipelineCommand implements Callable<Integer> {
  @Option(names = "--data", description = "Data source, repeatable (default: preset:ml-1m).")
  List<String> data = new ArrayList<>();

  @Option(
      names = "--ml-20m",
      description =
          "Also run the ml-20m preset (~20M ratings; minutes, " + "up to ~4 GB of memory).")
  boolean ml20m;

  @Option(names = "--cold-only", description = "Skip the second, cached run of each source.")
  boolean coldOnly;

  @Option(names = "--config", description = "Pipeline config, layered over " + "the shipped one.")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "SECTION.KEY=VALUE",
      description = "Override a parameter " + "(e.g. deploy.enabled=false).")
  Map<String, String> set = new LinkedHashMap<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    NativeLibraries.preload(); // as recopipe run does
    List<String> sources = new ArrayList<>(data.isEmpty() ? List.of("preset:ml-1m") : data);
    if (ml20m) {
      sources.add("preset:ml-20m");
    }
    PrintWriter out = spec.commandLine().getOut();
    for (String source : sources) {
      benchSource(source, out);
    }
    return ExitCodes.OK;
  }

  private void benchSource(String source, PrintWriter out) throws IOException {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("deploy.port", Integer.toString(freePort()));
    overrides.putAll(set);
    overrides.put("ingest.source", source);
    PipelineConfig resolved = MovieLensMfPipeline.config(config, overrides, false);
    Path home = Files.createTempDirectory("recopipe-bench-");
    RecopipeHome at = RecopipeHome.at(home);
    String name = source.startsWith("preset:") ? source.substring("preset:".length()) : source;
    try {
      for (String pass : coldOnly ? List.of("cold") : List.of("cold", "cached")) {
        boolean scoped = PeakRss.reset();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        RunResult result;
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        try (LocalRunner runner =
                LocalRunner.open(
                    at, RunProfiles.fixed(() -> HomeOption.openWarehouse(at), Services.none()));
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
          result =
              runner.run(MovieLensMfPipeline.definition(), resolved.values(), RunOptions.to(quiet));
          runner
              .history()
              .show(result.runId())
              .ifPresent(
                  report -> {
                    for (RunHistory.ExecutionReport execution : report.executions()) {
                      metrics.put(execution.execution().step(), execution.metrics());
                    }
                  });
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long cpuEnd = processCpuNanos();
        double inSteps = 0;
        for (StepResult step : result.steps()) {
          out.println(Json.compact(Json.valueOf(stepLine(name, pass, step, metrics))));
          inSteps += step.durationMs() / 1000.0;
        }
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("case", name);
        total.put("pass", pass);
        total.put("step", "total");
        total.put("status", result.status().toString());
        total.put("source", source);
        total.put("seconds", round(wall));
        total.put("outside_steps_seconds", round(Math.max(0, wall - inSteps)));
        total.put(
            "cpu_seconds", cpuStart < 0 || cpuEnd < 0 ? null : round((cpuEnd - cpuStart) / 1e9));
        OptionalLong peak = PeakRss.mebibytes();
        total.put("peak_rss_mb", peak.isPresent() ? peak.getAsLong() : null);
        total.put("peak_rss_scope", scoped ? "pass" : "process");
        out.println(Json.compact(Json.valueOf(total)));
        out.flush();
      }
    } finally {
      EndpointRegistry.load(at.serving()).undeploy();
      JournalReconciler.reconcile(at);
      deleteRecursively(home);
    }
  }

  private static Map<String, Object> stepLine(
      String name, String pass, StepResult step, Map<String, Map<String, Double>> metrics) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("case", name);
    row.put("pass", pass);
    row.put("step", step.step());
    row.put("status", step.status().toString());
    row.put("cache_hit", step.cacheHit());
    double seconds = step.durationMs() / 1000.0;
    row.put("seconds", seconds);
    OptionalLong rows = StepRows.of(step.step(), metrics);
    if (rows.isPresent()) {
      row.put("rows", rows.getAsLong());
      row.put(
          "rows_per_s",
          step.cacheHit() || seconds <= 0 ? null : Math.round(rows.getAsLong() / seconds));
    }
    return row;
  }

  /** This process's CPU time (all threads, user + system), or -1 where the JVM cannot tell. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
