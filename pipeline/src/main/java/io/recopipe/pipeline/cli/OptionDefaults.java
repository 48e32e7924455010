package io.recopipe.pipeline.cli;

import io.recopipe.model.als.AlsOptions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Named starting points for ALS options: {@code bigquery} is BigQuery ML's defaults verbatim (plain
 * λ = 1, num_factors = log2(n)), {@code movielens} is the set tuned on ML-100K's official folds
 * and documented in the README; {@code --set} overrides either.
 */
public final class OptionDefaults {
  /**
   * The options tuned on ML-100K u1..u5 (see the README's accuracy table): variational Bayes with
   * 20 factors, whose learned priors replace hand-tuned λ (l2_reg is only its starting point);
   * the weighted-mode entries apply when {@code method} is switched to {@code als}.
   */
  public static final Map<String, String> MOVIELENS = Map.of(
      "method", "vb",
      "num_factors", "20",
      "l2_reg", "2.0",
      "intercept_l2_reg", "1.0",
      "l2_reg_mode", "weighted",
      "l2_reg_exponent", "0.4",
      "max_iterations", "40",
      "early_stop", "false");

  private OptionDefaults() {
  }

  /** The option values of {@code name} ({@code movielens} or {@code bigquery}). */
  public static Map<String, String> named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "movielens" -> MOVIELENS;
      case "bigquery" -> Map.of();
      default -> throw new IllegalArgumentException("unknown --defaults '" + name
          + "' (known: movielens, bigquery)");
    };
  }

  /** Builds options from the named defaults with {@code overrides} applied on top. */
  public static AlsOptions resolve(String defaults, Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>(named(defaults));
    overrides.forEach((key, value) -> values.put(key.toLowerCase(Locale.ROOT), value));
    return AlsOptions.fromMap(values);
  }
}
