package io.recopipe.pipeline.cli;

import io.recopipe.components.tuning.Trial;
import io.recopipe.components.tuning.TrialRunner;
import io.recopipe.components.tuning.TuningOptions;
import io.recopipe.components.tuning.ValidationSplit;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.AlsTrainer;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.Json;
import io.recopipe.model.metrics.RegressionEvaluator;
import io.recopipe.model.metrics.RootMeanSquaredError;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe bench tune}: the tune step's value on ML-100K's official folds, one JSON line per
 * fold and their mean: the test RMSE of the untuned option set next to the RMSE after tuning {@code
 * num_factors} and {@code l2_reg} on a validation split of that fold's base (the test file is only
 * read to score the final models), with the chosen options and wall times.
 */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    description = "Benchmarks hyperparameter tuning on ML-100K u1..u5; one JSON line per fold.")
final class BenchTuneCommand implements Callable<Integer> {
  @Option(
      names = "--folds",
      description =
          "A directory with u1..u5 .base/.test (ML-100K); " + "found automatically when omitted.")
  Path folds;

  @Option(
      names = "--defaults",
      defaultValue = "movielens-als",
      description = "The option set tuned and compared against (default ${DEFAULT-VALUE}).")
  String defaults;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "A tune option, e.g. "
              + "num_trials=20, hparam_tuning_algorithm=grid_search, max_parallel_trials=2.")
  Map<String, String> tuning = new HashMap<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path dir =
        folds != null
            ? folds
            : DataSources.findMl100k()
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "ML-100K not found: pass --folds or set ML100K_DIR"));
    Map<String, String> values = new LinkedHashMap<>(OptionDefaults.named(defaults));
    values.putAll(
        Map.of("num_trials", "20", "num_factors_range", "2,64", "l2_reg_range", "0.01,10"));
    values.putAll(tuning);
    TuningOptions options = TuningOptions.parse(values);
    PrintWriter out = spec.commandLine().getOut();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int fold = 1; fold <= 5; fold++) {
      Path base = dir.resolve("u" + fold + ".base");
      Path test = dir.resolve("u" + fold + ".test");
      if (!Files.isRegularFile(base) || !Files.isRegularFile(test)) {
        throw new InvalidInputException(
            "--folds " + dir + ": missing " + base.getFileName() + " or " + test.getFileName());
      }
      spec.commandLine().getErr().println("bench: tuning u" + fold);
      Map<String, Object> row =
          fold("ml-100k-u" + fold, DataSources.read(base), DataSources.read(test), options);
      emit(out, row);
      rows.add(row);
    }
    emit(out, mean(rows));
    return ExitCodes.OK;
  }

  private static Map<String, Object> fold(
      String name, Ratings train, Ratings test, TuningOptions options) throws InterruptedException {
    long start = System.nanoTime();
    double untuned = rmse(options.base(), train, test);
    double untunedSeconds = seconds(start);
    long tuneStart = System.nanoTime();
    ValidationSplit split = ValidationSplit.of(train, options.validationFraction(), options.seed());
    List<Trial> trials =
        new TrialRunner(options.base(), options.objective(), options.maxParallelTrials())
            .run(options.points(), split, trial -> {});
    Trial best = trials.stream().filter(Trial::optimal).findFirst().orElseThrow();
    double tuneSeconds = seconds(tuneStart);
    long retrainStart = System.nanoTime();
    double tuned = rmse(best.hyperparameters().applyTo(options.base()), train, test);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("case", name);
    row.put("untuned_rmse", untuned);
    row.put("tuned_rmse", tuned);
    row.put("untuned_num_factors", options.base().resolvedNumFactors(train.size()));
    row.put("untuned_l2_reg", options.base().l2Reg());
    row.put("num_factors", best.hyperparameters().numFactors());
    row.put("l2_reg", best.hyperparameters().l2Reg());
    row.put("validation_mse", best.objective());
    row.put("best_trial", best.trialId());
    row.put("trials", trials.size());
    row.put("algorithm", options.algorithm().name().toLowerCase(java.util.Locale.ROOT));
    row.put("untuned_seconds", untunedSeconds);
    row.put("tune_seconds", tuneSeconds);
    row.put("retrain_seconds", seconds(retrainStart));
    row.put("seconds", seconds(start));
    return row;
  }

  private static double rmse(AlsOptions options, Ratings train, Ratings test) {
    return RegressionEvaluator.forScaleOf(train)
        .evaluate(new AlsTrainer(options).fit(train).model(), test)
        .get(RootMeanSquaredError.NAME);
  }

  private static Map<String, Object> mean(List<Map<String, Object>> rows) {
    Map<String, Object> mean = new LinkedHashMap<>();
    mean.put("case", "ml-100k-mean");
    for (String key : List.of("untuned_rmse", "tuned_rmse", "tune_seconds", "seconds")) {
      mean.put(
          key,
          rows.stream()
              .mapToDouble(r -> ((Number) r.get(key)).doubleValue())
              .average()
              .orElse(Double.NaN));
    }
    mean.put("folds", rows.size());
    return mean;
  }

  private static void emit(PrintWriter out, Map<String, Object> row) {
    out.println(Json.compact(Json.valueOf(row)));
    out.flush();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
