package io.recopipe.pipeline.cli;

import io.recopipe.components.hybrid.HybridEvaluator;
import io.recopipe.components.hybrid.HybridReport;
import io.recopipe.components.hybrid.ProfileFiles;
import io.recopipe.components.readers.Dataset;
import io.recopipe.components.readers.DatasetReader;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.hybrid.HybridModel;
import io.recopipe.model.hybrid.HybridOptions;
import io.recopipe.model.hybrid.HybridTrainer;
import io.recopipe.model.hybrid.Metadata;
import io.recopipe.model.io.Json;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.mf.MfModel;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * {@code recopipe bench hybrid}: MF and the hybrid model on MovieLens 100K's five official folds,
 * with demographics and genres as metadata, and the cold-start comparison (every test user also
 * scored as if MF had never seen them, unless {@code --set cold_start_fraction} samples fewer)
 * against the intercept-only fallback.
 */
@Command(
    name = "hybrid",
    mixinStandardHelpOptions = true,
    description = "Benchmarks the hybrid model on ML-100K u1..u5; one JSON line per fold + mean.")
final class BenchHybridCommand implements Callable<Integer> {
  private static final String RMSE = "root_mean_squared_error";
  private static final List<String> KEYS =
      List.of(
          "mf_rmse",
          "hybrid_rmse",
          "cold_start_users",
          "hybrid_cold_rmse",
          "intercept_only_cold_rmse",
          "fit_s");

  @Option(
      names = "--folds",
      description =
          "A directory with u1..u5 .base/.test, u.user, u.item "
              + "(default: the local ML-100K copy).")
  Path folds;

  @Option(
      names = "--defaults",
      defaultValue = "movielens-als",
      description = "MF option set (default: ${DEFAULT-VALUE}).")
  String defaults;

  @Option(
      names = "--set",
      description =
          "Hybrid option NAME=VALUE (l2_reg, "
              + "cold_start_fraction (here 1 by default: every test user is also scored cold), seed).")
  Map<String, String> hybridOptions = new LinkedHashMap<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Optional<Path> dir = folds != null ? Optional.of(folds) : DataSources.findMl100k();
    if (dir.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "bench hybrid: ML-100K not found (set ML100K_DIR or "
                  + "place it at ../shared/data/ml-100k)");
      return ExitCodes.OK;
    }
    Map<String, String> values = new LinkedHashMap<>(Map.of("cold_start_fraction", "1"));
    values.putAll(hybridOptions);
    HybridOptions options = HybridOptions.fromMap(values);
    Dataset catalogs = DatasetReader.read(dir.get());
    Metadata metadata =
        ProfileFiles.of(catalogs.users().orElse(null), catalogs.movies().orElse(null));
    Map<String, Double> sums = new LinkedHashMap<>();
    for (int fold = 1; fold <= 5; fold++) {
      Map<String, Object> row = runFold(dir.get(), fold, options, metadata);
      KEYS.forEach(k -> sums.merge(k, ((Number) row.get(k)).doubleValue(), Double::sum));
      out.println(Json.compact(Json.valueOf(row)));
      out.flush();
    }
    Map<String, Object> mean = new LinkedHashMap<>();
    mean.put("case", "hybrid-ml-100k-mean");
    sums.forEach((k, v) -> mean.put(k, round(v / 5)));
    out.println(Json.compact(Json.valueOf(mean)));
    out.flush();
    return ExitCodes.OK;
  }

  private Map<String, Object> runFold(Path dir, int fold, HybridOptions options, Metadata metadata)
      throws Exception {
    Ratings train = DataSources.read(dir.resolve("u" + fold + ".base"));
    Ratings test = DataSources.read(dir.resolve("u" + fold + ".test"));
    MfModel mf = new AlsTrainer(OptionDefaults.resolve(defaults, Map.of())).fit(train).model();
    long start = System.nanoTime();
    HybridModel hybrid = new HybridTrainer(options).fit(mf, train, metadata);
    double fitSeconds = (System.nanoTime() - start) / 1e9;
    HybridReport report =
        new HybridEvaluator(RegressionEvaluator.forScaleOf(train), options)
            .evaluate(hybrid, test, metadata);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("case", "hybrid-ml-100k-u" + fold);
    row.put("mf_rmse", round(report.get(HybridReport.MF, RMSE)));
    row.put("hybrid_rmse", round(report.get(HybridReport.HYBRID, RMSE)));
    row.put("cold_start_users", report.coldStartUsers());
    row.put("hybrid_cold_rmse", round(report.get(HybridReport.HYBRID_COLD, RMSE)));
    row.put("intercept_only_cold_rmse", round(report.get(HybridReport.INTERCEPT_ONLY_COLD, RMSE)));
    row.put("fit_s", round(fitSeconds));
    return row;
  }

  private static double round(double value) {
    return Math.round(value * 10000) / 10000.0;
  }
}
