package io.recopipe.pipeline.cli;

import io.recopipe.components.synthetic.TrainTestSplit;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.bench.AlsBenchmark;
import io.recopipe.pipeline.bench.BenchCase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe bench als}: times ALS fits and scores them, one JSON line per case. With no data
 * option it runs the standard cases: ML-100K u1..u5 and their mean, the ml-1m preset (k=34, 15
 * iterations) and the ml-20m preset (k=64, 10 iterations).
 */
@Command(
    name = "als",
    mixinStandardHelpOptions = true,
    description = "Benchmarks ALS fitting; prints one JSON line per case.")
final class BenchAlsCommand implements Callable<Integer> {

  static final class Source {
    @ArgGroup(exclusive = false)
    FilePair files;

    @Option(
        names = "--preset",
        description = "Synthetic preset: ml-100k, ml-1m or ml-20m " + "(a tenth held out).")
    String preset;

    @Option(names = "--folds", description = "A directory with u1..u5 .base/.test (ML-100K).")
    Path folds;
  }

  static final class FilePair {
    @Option(names = "--train", required = true, description = "Training ratings file or dir.")
    Path train;

    @Option(names = "--test", required = true, description = "Test ratings file or dir.")
    Path test;
  }

  @ArgGroup(exclusive = true)
  Source source;

  @Mixin AlsOptionFlags flags;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for synthetic data.")
  long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (source == null) {
      runStandardCases(out);
    } else if (source.files != null) {
      long start = System.nanoTime();
      Ratings train = DataSources.read(source.files.train);
      Ratings test = DataSources.read(source.files.test);
      emit(
          out,
          AlsBenchmark.run(
              new BenchCase(
                  source.files.train.getFileName().toString(),
                  train,
                  test,
                  flags.resolve(Map.of()),
                  seconds(start))));
    } else if (source.preset != null) {
      runPreset(out, source.preset, OptionDefaults.DEFAULT_NAME, Map.of());
    } else {
      runFolds(out, source.folds);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void runStandardCases(PrintWriter out) throws Exception {
    Optional<Path> ml100k = DataSources.findMl100k();
    if (ml100k.isPresent()) {
      runFolds(out, ml100k.get());
    } else {
      spec.commandLine()
          .getErr()
          .println(
              "bench: ML-100K not found (set ML100K_DIR or place it at"
                  + " ../shared/data/ml-100k); skipping the fold cases");
    }
    // The speed cases time the ALS engine (BigQuery ML's algorithm) at the sizes.
    runPreset(out, "ml-1m", "movielens-als", Map.of("num_factors", "34", "max_iterations", "15"));
    runPreset(out, "ml-20m", "movielens-als", Map.of("num_factors", "64", "max_iterations", "10"));
  }

  private void runPreset(
      PrintWriter out, String name, String defaults, Map<String, String> caseOptions) {
    progress("generating preset " + name);
    long start = System.nanoTime();
    TrainTestSplit split = DataSources.preset(name, seed);
    double dataSeconds = seconds(start);
    AlsOptions options = flags.resolve(defaults, caseOptions);
    progress("fitting preset " + name);
    emit(
        out,
        AlsBenchmark.run(
            new BenchCase("preset-" + name, split.train(), split.test(), options, dataSeconds)));
  }

  private void runFolds(PrintWriter out, Path dir) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    String prefix = dir.getFileName() == null ? "folds" : dir.getFileName().toString();
    for (int fold = 1; fold <= 5; fold++) {
      Path base = dir.resolve("u" + fold + ".base");
      Path test = dir.resolve("u" + fold + ".test");
      if (!Files.isRegularFile(base) || !Files.isRegularFile(test)) {
        throw new InvalidInputException(
            "--folds " + dir + ": missing " + base.getFileName() + " or " + test.getFileName());
      }
      long start = System.nanoTime();
      Ratings train = DataSources.read(base);
      Ratings testSet = DataSources.read(test);
      progress("fitting " + prefix + " u" + fold);
      Map<String, Object> row =
          AlsBenchmark.run(
              new BenchCase(
                  prefix + "-u" + fold, train, testSet, flags.resolve(Map.of()), seconds(start)));
      emit(out, row);
      rows.add(row);
    }
    emit(out, AlsBenchmark.mean(prefix + "-mean", rows));
  }

  private void emit(PrintWriter out, Map<String, Object> row) {
    out.println(Json.compact(Json.valueOf(row)));
    out.flush();
  }

  private void progress(String message) {
    spec.commandLine().getErr().println("bench: " + message);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
