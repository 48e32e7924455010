package io.recopipe.pipeline.cli;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Named starting points for ALS options, so users get tuned results without hand-tuning λ: {@code
 * auto} (the default, as in the shipped pipeline config) picks method, factors and iterations from
 * the training set ({@link io.recopipe.model.als.AutoMethod}); {@code movielens} is the most
 * accurate set on ML-100K's official folds (what auto picks at that size), {@code movielens-vb} and
 * {@code movielens-als} are the best sets for the other two methods, and {@code bigquery} is
 * BigQuery ML's defaults verbatim (plain λ = 1, num_factors = log2 n). {@code --set} overrides any
 * of them; the README's accuracy table lists what each one scores.
 */
public final class OptionDefaults {
  /** The shipped default: the method and its settings chosen for each training set. */
  public static final Map<String, String> AUTO = Map.of("method", "auto");

  /**
   * Bayesian MF by Gibbs sampling (Salakhutdinov &amp; Mnih 2008): 33 posterior samples of 6
   * factors after 40 burn-in sweeps, averaged into one 198-factor predictive mean and exported
   * compressed to its best 64-factor approximation.
   */
  public static final Map<String, String> MOVIELENS =
      Map.of(
          "method", "gibbs",
          "num_factors", "198",
          "num_samples", "33",
          "burn_in_iterations", "40",
          "max_iterations", "172",
          "l2_reg", "2.0",
          "intercept_l2_reg", "1.0",
          "early_stop", "false");

  /** Variational Bayes with 20 factors; l2_reg is only its starting point. */
  public static final Map<String, String> MOVIELENS_VB =
      Map.of(
          "method", "vb",
          "num_factors", "20",
          "l2_reg", "2.0",
          "intercept_l2_reg", "1.0",
          "max_iterations", "40",
          "early_stop", "false");

  /** ALS with frequency-weighted regularization λ·n^0.4. */
  public static final Map<String, String> MOVIELENS_ALS =
      Map.of(
          "method", "als",
          "num_factors", "50",
          "l2_reg", "2.0",
          "l2_reg_mode", "weighted",
          "l2_reg_exponent", "0.4",
          "intercept_l2_reg", "1.0",
          "max_iterations", "20",
          "early_stop", "false");

  /** The name of {@link #AUTO}. */
  public static final String AUTO_NAME = "auto";

  /** The name used when none is given. */
  public static final String DEFAULT_NAME = AUTO_NAME;

  private OptionDefaults() {}

  /** The option values of {@code name}. */
  public static Map<String, String> named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "auto" -> AUTO;
      case "movielens" -> MOVIELENS;
      case "movielens-vb" -> MOVIELENS_VB;
      case "movielens-als" -> MOVIELENS_ALS;
      case "bigquery" -> Map.of();
      default ->
          throw new InvalidInputException(
              "unknown --defaults '"
                  + name
                  + "' (known: auto, movielens, movielens-vb, movielens-als, bigquery)");
    };
  }

  /** Builds options from the named defaults with {@code overrides} applied on top. */
  public static AlsOptions resolve(String defaults, Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>(named(defaults));
    overrides.forEach((key, value) -> values.put(key.toLowerCase(Locale.ROOT), value));
    return AlsOptions.fromMap(values);
  }
}
