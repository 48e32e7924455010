package io.recopipe.pipeline.cli;

import io.recopipe.model.als.AlsOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The ALS option flags shared by {@code train} and {@code bench als}, so both spell options the
 * same way: BigQuery ML names through {@code --set}, the common ones as flags.
 */
final class AlsOptionFlags {
  @Option(
      names = "--defaults",
      description =
          "Starting option set: auto (the default; method, "
              + "factors and iterations chosen for the data), movielens (Bayesian MF, the most accurate "
              + "on ML-100K), movielens-vb, movielens-als, or bigquery (BigQuery ML's defaults).")
  String defaults;

  @Option(names = "--num-factors", description = "num_factors (2..200).")
  Integer numFactors;

  @Option(names = "--l2-reg", description = "l2_reg (> 0).")
  Double l2Reg;

  @Option(names = "--max-iterations", description = "max_iterations (1..10000).")
  Integer maxIterations;

  @Option(names = "--threads", description = "Training threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Any ALS option by its BigQuery ML name, e.g. --set early_stop=false.")
  Map<String, String> set = new LinkedHashMap<>();

  /** Resolves the flags into validated options on the {@code auto} defaults. */
  AlsOptions resolve(Map<String, String> caseDefaults) {
    return resolve(OptionDefaults.DEFAULT_NAME, caseDefaults);
  }

  /**
   * Resolves the flags into validated options: the named defaults ({@code --defaults} when given,
   * else {@code defaultsName}), then {@code caseDefaults}, then the flags.
   */
  AlsOptions resolve(String defaultsName, Map<String, String> caseDefaults) {
    Map<String, String> values = new LinkedHashMap<>(caseDefaults);
    values.putAll(set);
    putIf(values, "num_factors", numFactors);
    putIf(values, "l2_reg", l2Reg);
    putIf(values, "max_iterations", maxIterations);
    putIf(values, "threads", threads);
    return OptionDefaults.resolve(defaults != null ? defaults : defaultsName, values);
  }

  /** Whether any option was given on the command line. */
  boolean anyGiven() {
    return numFactors != null
        || l2Reg != null
        || maxIterations != null
        || threads != null
        || !set.isEmpty();
  }

  private static void putIf(Map<String, String> values, String key, Object value) {
    if (value != null) {
      values.put(key, value.toString());
    }
  }
}
