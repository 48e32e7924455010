package io.recopipe.pipeline.cli;

import io.recopipe.components.synthetic.Preset;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.Json;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.RatedItems;
import io.recopipe.model.scoring.Recommendation;
import io.recopipe.model.scoring.Recommender;
import io.recopipe.pipeline.bench.RandomModels;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe bench topk}: what one served top-N request costs, scoring every item versus
 * screening with the int8 item factors, on random models of the presets' catalog sizes; both modes
 * run in the same process, alternating, and the results are checked to be identical.
 */
@Command(
    name = "topk",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks single-user top-N (exact vs int8-screened); one JSON line per "
            + "preset, mode and repetition.")
final class BenchTopKCommand implements Callable<Integer> {
  @Option(
      names = "--presets",
      split = ",",
      defaultValue = "ml-20m,ml-1m,ml-100k",
      description = "Catalog sizes to imitate (default: ${DEFAULT-VALUE}).")
  List<String> presets;

  @Option(
      names = "--factors",
      defaultValue = "64",
      description =
          "Factors (default: " + "${DEFAULT-VALUE}, what training picks for these presets).")
  int factors;

  @Option(names = "--top-n", defaultValue = "50", description = "N (default: ${DEFAULT-VALUE}).")
  int topN;

  @Option(
      names = "--users",
      defaultValue = "2000",
      description = "Users, one request each per " + "repetition (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--repeat",
      defaultValue = "5",
      description =
          "Repetitions of each mode " + "(default: ${DEFAULT-VALUE}; the first warms up the JIT).")
  int repeat;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for the random model.")
  long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (factors < 1 || topN < 1 || users < 1 || repeat < 1) {
      throw new InvalidInputException("--factors, --top-n, --users and --repeat must be >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    for (String name : presets) {
      Preset preset = Preset.fromName(name);
      MfModel model = randomModel(preset.items());
      RatedItems rated =
          RandomModels.rated(
              new SplittableRandom(seed + 1),
              users,
              preset.items(),
              preset.ratings() / preset.users());
      long start = System.nanoTime();
      ItemScorer exactScorer = ItemScorer.withoutScreen(model);
      long exactBuild = System.nanoTime() - start;
      start = System.nanoTime();
      ItemScorer screenedScorer = new ItemScorer(model);
      long screenedBuild = System.nanoTime() - start;
      Recommender exact = new Recommender(exactScorer, rated);
      Recommender screened = new Recommender(screenedScorer, rated);
      boolean identical = sameAnswers(model, exact, screened);
      for (int n = 0; n < repeat; n++) {
        // alternate which mode runs first, so neither always inherits the other's cache state
        for (int m = 0; m < 2; m++) {
          boolean screen = (n + m) % 2 == 1;
          double[] ns = nanosPerRequest(model, screen ? screened : exact);
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("case", "topk-" + preset.cliName());
          row.put("mode", screen ? "screened" : "exact");
          row.put("repetition", n);
          row.put("items", preset.items());
          row.put("num_factors", factors);
          row.put("top_n", topN);
          row.put("exclude_rated", true);
          row.put("requests", users);
          row.put("ns_per_request", Math.round(ns[0]));
          row.put("cpu_ns_per_request", Math.round(ns[1]));
          row.put(
              "scorer_build_ms", Math.round((screen ? screenedBuild : exactBuild) / 1e4) / 100.0);
          row.put("identical", identical);
          out.println(Json.compact(Json.valueOf(row)));
          out.flush();
        }
      }
    }
    return ExitCodes.OK;
  }

  /**
   * Wall and CPU nanoseconds per request: the thread's CPU time is what a busy machine distorts
   * least (time spent waiting for a core is not in it).
   */
  private double[] nanosPerRequest(MfModel model, Recommender recommender) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int u = 0; u < users; u++) {
      recommender.recommend(model.users().id(u), topN, true);
    }
    long wall = System.nanoTime() - start;
    cpu = threads.getCurrentThreadCpuTime() - cpu;
    return new double[] {wall / (double) users, cpu / (double) users};
  }

  private boolean sameAnswers(MfModel model, Recommender exact, Recommender screened) {
    for (int u = 0; u < users; u++) {
      String user = model.users().id(u);
      Recommendation a = exact.recommend(user, topN, true);
      Recommendation b = screened.recommend(user, topN, true);
      if (!a.itemIds().equals(b.itemIds()) || !Arrays.equals(a.ratings(), b.ratings())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Gaussian factors scaled so that the dot product's spread (~0.5) and the intercepts' (0.3) are
   * those of a model trained on ratings 1–5, around a global mean of 3.5.
   */
  private MfModel randomModel(int items) {
    SplittableRandom random = new SplittableRandom(seed);
    double sigma = Math.sqrt(0.5 / Math.sqrt(factors));
    float[] x = RandomModels.gaussian(random, users * factors, sigma);
    float[] y = RandomModels.gaussian(random, items * factors, sigma);
    return new MfModel(
        RandomModels.ids("u", users),
        RandomModels.ids("i", items),
        factors,
        3.5f,
        x,
        RandomModels.gaussian(random, users, 0.3),
        y,
        RandomModels.gaussian(random, items, 0.3));
  }
}
