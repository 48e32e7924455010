package io.recopipe.pipeline.cli;

import io.recopipe.components.synthetic.TrainTestSplit;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.bench.DefaultsBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
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
 * {@code recopipe bench defaults}: checks the shipped default ({@code method: auto}) against ALS
 * and VB at 34 factors (64 on ml-20m) on the same splits, one JSON line per case: ML-100K's u1..u5
 * and their mean, and the ml-1m and ml-20m presets with a held-out tenth.
 */
@Command(
    name = "defaults",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks the default method choice against ALS and VB; one JSON line per " + "case.")
final class BenchDefaultsCommand implements Callable<Integer> {
  /** Every case, in the order they run. */
  static final List<String> CASES = List.of("ml-100k", "ml-1m", "ml-20m", "preset-ml-100k");

  @Option(
      names = "--cases",
      split = ",",
      paramLabel = "CASE",
      description =
          "Cases to run (default ml-100k,ml-1m,ml-20m; also preset-ml-100k, the "
              + "synthetic ML-100K size).")
  List<String> cases = List.of("ml-100k", "ml-1m", "ml-20m");

  @Option(
      names = "--folds",
      description =
          "The ML-100K directory with u1..u5 .base/.test "
              + "(default: ML100K_DIR or ../shared/data/ml-100k).")
  Path folds;

  @Option(names = "--threads", description = "Training threads (default: all cores).")
  Integer threads;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for synthetic data.")
  long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    for (String name : cases) {
      if (!CASES.contains(name)) {
        throw new InvalidInputException(
            "--cases: unknown case '" + name + "' (known: " + String.join(", ", CASES) + ")");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (String name : cases) {
      if (name.equals("ml-100k")) {
        runFolds(out);
      } else {
        runPreset(out, name.replace("preset-", ""), name.equals("ml-20m") ? 64 : 34);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void runFolds(PrintWriter out) throws Exception {
    Optional<Path> dir = folds != null ? Optional.of(folds) : DataSources.findMl100k();
    if (dir.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "bench: ML-100K not found (set ML100K_DIR or place it "
                  + "at ../shared/data/ml-100k); skipping the ml-100k case");
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int fold = 1; fold <= 5; fold++) {
      Path base = dir.get().resolve("u" + fold + ".base");
      Path test = dir.get().resolve("u" + fold + ".test");
      if (!Files.isRegularFile(base) || !Files.isRegularFile(test)) {
        throw new InvalidInputException(
            "--folds "
                + dir.get()
                + ": missing "
                + base.getFileName()
                + " or "
                + test.getFileName());
      }
      progress("ml-100k u" + fold);
      Map<String, Object> row =
          DefaultsBenchmark.run(
              "ml-100k-u" + fold,
              DataSources.read(base),
              DataSources.read(test),
              auto(),
              baselines(34));
      emit(out, row);
      rows.add(row);
    }
    emit(out, DefaultsBenchmark.mean("ml-100k-mean", rows));
  }

  private void runPreset(PrintWriter out, String preset, int factors) {
    progress("generating preset " + preset);
    TrainTestSplit split = DataSources.preset(preset, seed);
    progress("fitting preset " + preset + " (auto, als and vb at " + factors + " factors)");
    emit(
        out,
        DefaultsBenchmark.run(
            "preset-" + preset, split.train(), split.test(), auto(), baselines(factors)));
  }

  private AlsOptions auto() {
    return OptionDefaults.resolve(OptionDefaults.AUTO_NAME, threadOption());
  }

  /** ALS and VB as their tuned named sets with {@code factors} factors. */
  private Map<String, AlsOptions> baselines(int factors) {
    Map<String, String> width = new LinkedHashMap<>(threadOption());
    width.put("num_factors", Integer.toString(factors));
    Map<String, AlsOptions> baselines = new LinkedHashMap<>();
    baselines.put("als", OptionDefaults.resolve("movielens-als", width));
    baselines.put("vb", OptionDefaults.resolve("movielens-vb", width));
    return baselines;
  }

  private Map<String, String> threadOption() {
    return threads == null ? Map.of() : Map.of("threads", threads.toString());
  }

  private void emit(PrintWriter out, Map<String, Object> row) {
    out.println(Json.compact(Json.valueOf(row)));
    out.flush();
  }

  private void progress(String message) {
    spec.commandLine().getErr().println("bench: " + message);
  }
}
