package io.recopipe.pipeline.cli;

import io.recopipe.model.json.JsonValue;
import io.recopipe.model.json.JsonWriter;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunResult;
import io.recopipe.pipeline.runner.StepResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe bench pipeline}: one whole movielens-mf run (ingest → export) in a fresh home,
 * timed end to end with each step's time, as JSON lines; a second, cached run shows what caching
 * saves.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Benchmarks a whole pipeline run; prints one JSON line per step and a total.")
final class BenchPipelineCommand implements Callable<Integer> {
  @Option(names = "--data", description = "Data source (default: the local ML-100K copy, else "
      + "preset:ml-100k).")
  String data;

  @Option(names = "--config", description = "Pipeline config, layered over "
      + "the shipped one.")
  Path config;

  @Option(names = "--set", paramLabel = "SECTION.KEY=VALUE", description = "Override a parameter.")
  Map<String, String> set = new LinkedHashMap<>();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String source = data != null ? data : DataSources.findMl100k().map(Path::toString)
        .orElse("preset:ml-100k");
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("deploy.enabled", "false"); // times ingest → package; deploy is bench serving's
    overrides.putAll(set);
    overrides.put("ingest.source", source);
    PipelineConfig resolved = MovieLensMfPipeline.config(config, overrides, false);
    Path home = Files.createTempDirectory("recopipe-bench-");
    PrintWriter out = spec.commandLine().getOut();
    try {
      for (String pass : new String[] {"cold", "cached"}) {
        RecopipeHome at = RecopipeHome.at(home);
        long start = System.nanoTime();
        RunResult result;
        try (LocalRunner runner = new LocalRunner(at, () -> HomeOption.openWarehouse(at));
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
          result = runner.run(MovieLensMfPipeline.definition(), resolved.values(),
              RunOptions.to(quiet));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        for (StepResult step : result.steps()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("case", "pipeline-" + pass);
          row.put("step", step.step());
          row.put("status", step.status().toString());
          row.put("cache_hit", step.cacheHit());
          row.put("seconds", step.durationMs() / 1000.0);
          out.println(JsonWriter.compact(JsonValue.of(row)));
        }
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("case", "pipeline-" + pass);
        total.put("step", "total");
        total.put("status", result.status().toString());
        total.put("source", source);
        total.put("wall_s", Math.round(wall * 1000) / 1000.0);
        out.println(JsonWriter.compact(JsonValue.of(total)));
        out.flush();
      }
    } finally {
      deleteRecursively(home);
    }
    return ExitCodes.OK;
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
