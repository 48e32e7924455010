package io.recopipe.pipeline.cli;

import io.recopipe.components.ingest.IngestComponent;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.config.StepParameterView;
import io.recopipe.pipeline.home.NativeLibraries;
import io.recopipe.pipeline.launch.SpecRun;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe run}: runs the {@code movielens-mf} pipeline (ingest → train → evaluate → gate →
 * export) with the shipped config, a config file and overrides, recording everything in the home;
 * the config and the start of a local data file are checked first, so bad input records nothing.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Runs the movielens-mf pipeline. Exit codes: 0 succeeded, 3 gated (not "
            + "blessed), 4 deploy rolled back, 5 awaiting approval (promotion: review), 1 failed, "
            + "2 bad input, 8 refused (wrong reviewer token). Bad input (config, or a local data "
            + "file whose first 1,000 lines cannot be read) exits 2 before a run is recorded; a bad "
            + "row found later by ingest exits 2 too, with the run recorded as FAILED. The run is "
            + "attributed to the reviewer of --token-file or $RECOPIPE_REVIEWER_TOKEN when given, "
            + "else to the OS user.")
final class RunCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Pipeline config (YAML), layered over the shipped "
              + "pipeline/movielens-mf.yaml: its keys replace the shipped ones.")
  Path config;

  @Option(
      names = "--data",
      paramLabel = "SRC",
      description =
          "Data source, short for --set "
              + "ingest.source=SRC: a MovieLens dir/zip/file, a CSV or Parquet file, preset:ml-1m, or "
              + "movielens-1m (downloaded).")
  String data;

  @Option(
      names = "--set",
      paramLabel = "SECTION.KEY=VALUE",
      description = "Override one parameter, e.g. --set train.num_factors=66.")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = "--no-cache", description = "Run every step, reusing nothing.")
  boolean noCache;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description =
          "Run a compiled PipelineSpec (recopipe compile) here as Vertex AI would: each task a "
              + "child process with the local profile; --set and --data set its root parameters. "
              + "Exit codes: 0 succeeded, 1 a task failed, 2 bad spec.")
  Path specFile;

  @Mixin HomeOption home;

  @Mixin ReviewerToken reviewer;

  @Mixin ProfileOption profile;

  @Spec CommandSpec spec;

  /**
   * Set by the scheduler for the runs it starts ({@code scheduler:NAME}); only that prefix is
   * honoured, so the variable cannot make a run look as if a reviewer had started it.
   */
  static final String SCHEDULER_ENV = "RECOPIPE_STARTED_BY";

  @Override
  public Integer call() throws Exception {
    if (specFile != null) {
      return SpecRun.command(
          specFile,
          set,
          data,
          config != null,
          profile.isGcp(),
          noCache,
          home.resolve().root(),
          System.out);
    }
    NativeLibraries.preload(!profile.isGcp()); // while the config is read and checked
    Map<String, String> overrides = new LinkedHashMap<>(set);
    if (data != null) {
      overrides.put("ingest.source", data);
    }
    // under gcp the config's problems and the options BigQuery ML cannot run come in one line
    PipelineConfig resolved =
        profile.isGcp()
            ? VertexProfile.load(config, overrides, true)
            : MovieLensMfPipeline.config(config, overrides, false);
    PrintStream progress = System.out;
    Map<String, String> parameters = profile.parameters(resolved);
    if (!profile.isGcp()) {
      IngestComponent.preflight(StepParameterView.of(IngestComponent.NAME, parameters));
    }
    try (OpenHome opened = home.open()) {
      LocalRunner runner = opened.runner();
      RunOptions options =
          RunOptions.to(progress).startedBy(Starter.of(reviewer, opened.review().reviewers()));
      RunResult result =
          runner.run(
              MovieLensMfPipeline.definition(),
              parameters,
              noCache ? options.withoutCache() : options);
      var report = runner.history().show(result.runId());
      return RunSummary.print(
          result,
          report,
          DeployedEndpoint.of(runner.history(), report),
          spec.commandLine().getOut(),
          spec.commandLine().getErr());
    }
  }
}
