package io.recopipe.pipeline.cli;

import io.recopipe.components.synthetic.TrainTestSplit;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsResult;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.als.FeedbackType;
import io.recopipe.model.als.ImplicitSolver;
import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.io.Json;
import io.recopipe.model.metrics.ImplicitEvaluation;
import io.recopipe.model.metrics.ImplicitEvaluator;
import io.recopipe.model.metrics.MostPopularBaseline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe bench implicit}: implicit WALS (Hu, Koren &amp; Volinsky 2008) quality and speed,
 * one JSON line per case, so the implicit path is judged against a baseline and a reference
 * implementation. Quality: ML-100K u1..u5 with ratings &gt;= 4 as positives, MAP@10, NDCG@10 and
 * average_rank of WALS and of the most-popular baseline (same candidates and exclusions), per fold
 * and mean. Speed: seconds per iteration on a synthetic preset (ml-20m, 64 factors by default) for
 * the conjugate-gradient and the exact solver, next to the {@code implicit} library's CPU anchor.
 */
@Command(
    name = "implicit",
    mixinStandardHelpOptions = true,
    description = "Benchmarks implicit WALS: ranking quality on ML-100K and fit speed on a preset.")
final class BenchImplicitCommand implements Callable<Integer> {
  static final String ANCHOR =
      "implicit library (CPU, conjugate gradient): 2.75 s per iteration"
          + " on an 8-core desktop for ML-20M";

  @Option(names = "--folds", description = "ML-100K directory (default: found as bench als does).")
  Path folds;

  @Option(
      names = "--speed-preset",
      defaultValue = "ml-20m",
      description = "Preset timed per solver (ml-100k, ml-1m, ml-20m; 'none' skips).")
  String speedPreset;

  @Option(
      names = "--solvers",
      defaultValue = "cg,cholesky",
      split = ",",
      description = "Solvers timed on the preset, in order (cg, cholesky).")
  List<String> solvers;

  @Option(names = "--skip-quality", description = "Skip the ML-100K quality cases.")
  boolean skipQuality;

  @Option(names = "--num-factors", defaultValue = "32", description = "Factors for ML-100K.")
  int qualityFactors;

  @Option(names = "--speed-factors", defaultValue = "64", description = "Factors for the preset.")
  int speedFactors;

  @Option(names = "--speed-iterations", defaultValue = "3", description = "Timed iterations.")
  int speedIterations;

  @Option(names = "--l2-reg", defaultValue = "30", description = "l2_reg.")
  double l2Reg;

  @Option(names = "--wals-alpha", defaultValue = "0.5", description = "wals_alpha.")
  double walsAlpha;

  @Option(names = "--max-iterations", defaultValue = "15", description = "Iterations (quality).")
  int maxIterations;

  @Option(names = "--cg-steps", defaultValue = "3", description = "cg_steps.")
  int cgSteps;

  @Option(names = "--threads", defaultValue = "0", description = "Threads (0 = all cores).")
  int threads;

  @Option(
      names = "--positive-threshold",
      defaultValue = "4",
      description = "Ratings >= this are positives (ML-100K).")
  double positiveThreshold;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!skipQuality) {
      Optional<Path> dir = folds != null ? Optional.of(folds) : DataSources.findMl100k();
      if (dir.isPresent()) {
        runFolds(out, dir.get());
      } else {
        spec.commandLine()
            .getErr()
            .println(
                "bench: ML-100K not found (set ML100K_DIR or place it"
                    + " at ../shared/data/ml-100k); skipping the quality cases");
      }
    }
    if (!speedPreset.equals("none")) {
      progress("generating preset " + speedPreset);
      TrainTestSplit split = DataSources.preset(speedPreset, 42);
      for (ImplicitSolver solver : solvers.stream().map(ImplicitSolver::parse).toList()) {
        progress("timing " + solver.configName() + " on preset " + speedPreset);
        emit(out, speed(split.train(), solver));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private AlsOptions.Builder options() {
    return AlsOptions.builder()
        .feedbackType(FeedbackType.IMPLICIT)
        .l2Reg(l2Reg)
        .walsAlpha(walsAlpha)
        .cgSteps(cgSteps)
        .earlyStop(false)
        .threads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
  }

  private void runFolds(PrintWriter out, Path dir) throws Exception {
    AlsOptions options =
        options()
            .numFactors(qualityFactors)
            .maxIterations(maxIterations)
            .positiveThreshold(positiveThreshold)
            .build();
    ImplicitEvaluator evaluator = ImplicitEvaluator.withThreshold(positiveThreshold);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int fold = 1; fold <= 5; fold++) {
      Ratings train = DataSources.read(dir.resolve("u" + fold + ".base"));
      Ratings test = DataSources.read(dir.resolve("u" + fold + ".test"));
      progress("fitting ml-100k u" + fold);
      AlsResult fit = new AlsTrainer(options).fit(train);
      ImplicitEvaluation wals = evaluator.evaluate(fit.model(), train, test);
      ImplicitEvaluation popular =
          evaluator.evaluate(MostPopularBaseline.of(train, positiveThreshold), train, test);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("case", "ml-100k-u" + fold);
      row.put("positive_threshold", positiveThreshold);
      row.put("k", evaluator.k());
      put(row, "wals_", wals);
      put(row, "most_popular_", popular);
      row.put("users", wals.evaluatedUsers());
      row.put("positives", wals.positives());
      row.put("fit_seconds", round(fit.fitSeconds()));
      row.put("options", options.toMap(train.size()));
      emit(out, row);
      rows.add(row);
    }
    Map<String, Object> mean = new LinkedHashMap<>();
    mean.put("case", "ml-100k-mean");
    for (String key : rows.get(0).keySet()) {
      if (key.startsWith("wals_") || key.startsWith("most_popular_")) {
        mean.put(
            key,
            round(
                rows.stream().mapToDouble(r -> (Double) r.get(key)).average().orElse(Double.NaN)));
      }
    }
    emit(out, mean);
  }

  private static void put(Map<String, Object> row, String prefix, ImplicitEvaluation e) {
    row.put(prefix + "map_at_10", round(e.get("mean_average_precision")));
    row.put(prefix + "ndcg_at_10", round(e.get("normalized_discounted_cumulative_gain")));
    row.put(prefix + "average_rank", round(e.get("average_rank")));
  }

  private Map<String, Object> speed(Ratings train, ImplicitSolver solver) {
    AlsOptions options =
        options()
            .numFactors(speedFactors)
            .maxIterations(speedIterations)
            .implicitSolver(solver)
            .build();
    AlsResult fit = new AlsTrainer(options).fit(train);
    List<TrainingIteration> info = fit.trainingInfo();
    double seconds = info.stream().mapToLong(TrainingIteration::durationMs).sum() / 1e3;
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("case", "preset-" + speedPreset + "-" + solver.configName());
    row.put("solver", solver.configName());
    if (solver == ImplicitSolver.CG) {
      row.put("cg_steps", cgSteps);
    }
    row.put("num_factors", speedFactors);
    row.put("threads", options.threads());
    row.put("interactions", train.size());
    row.put("iterations", info.size());
    row.put("seconds_per_iteration", round(seconds / info.size()));
    row.put("objective", round(fit.lastIteration().objective()));
    row.put("gflops_per_second", round(fit.flops() / 1e9 / seconds));
    row.put("anchor", ANCHOR);
    return row;
  }

  private static double round(double value) {
    return Math.round(value * 1e4) / 1e4;
  }

  private void emit(PrintWriter out, Map<String, Object> row) {
    out.println(Json.compact(Json.valueOf(row)));
    out.flush();
  }

  private void progress(String message) {
    spec.commandLine().getErr().println("bench: " + message);
  }
}
