package io.recopipe.pipeline.cli;

import io.recopipe.components.synthetic.TrainTestSplit;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.Json;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.BatchRecommender;
import io.recopipe.model.scoring.RatedItems;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe bench recommend}: times top-N recommendations for every user of a preset (what
 * the export step's {@code recommendations} table costs), one JSON line per repetition.
 */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    description = "Benchmarks top-N for every user; prints one JSON line per repetition.")
final class BenchRecommendCommand implements Callable<Integer> {
  @Option(
      names = "--preset",
      defaultValue = "ml-1m",
      description = "Synthetic preset " + "(default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--top-n", defaultValue = "50", description = "N (default: ${DEFAULT-VALUE}).")
  int topN;

  @Option(names = "--repeat", defaultValue = "3", description = "Repetitions (the first is cold).")
  int repeat;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for the synthetic data.")
  long seed;

  @Mixin AlsOptionFlags flags;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (topN < 1 || repeat < 1) {
      throw new InvalidInputException("--top-n and --repeat must be >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    TrainTestSplit split = DataSources.preset(preset, seed);
    AlsOptions options =
        flags.resolve("movielens-als", Map.of("num_factors", "34", "max_iterations", "3"));
    MfModel model = new io.recopipe.model.als.AlsTrainer(options).fit(split.train()).model();
    RatedItems rated = RatedItems.of(split.train(), model);
    for (int n = 0; n < repeat; n++) {
      long start = System.nanoTime();
      BatchRecommender.Table table =
          new BatchRecommender(model, rated, options.threads()).recommendAll(topN, true);
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("case", "recommend-all-" + preset);
      row.put("repetition", n);
      row.put("users", model.users().size());
      row.put("items", model.items().size());
      row.put("num_factors", model.numFactors());
      row.put("top_n", topN);
      row.put("exclude_rated", true);
      row.put("threads", options.threads());
      row.put("seconds", Math.round(seconds * 1000) / 1000.0);
      row.put("rows", (long) table.counts().length * topN);
      out.println(Json.compact(Json.valueOf(row)));
      out.flush();
    }
    return ExitCodes.OK;
  }
}
