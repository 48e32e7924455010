package io.recopipe.components.tuning;

import java.util.Locale;

/**
 * BigQuery ML's {@code hparam_tuning_algorithm}, as far as a local run can honour it: Vertex AI
 * Vizier is a hosted service, so {@code VIZIER_DEFAULT} runs as {@link #RANDOM_SEARCH}, the
 * strategy Bergstra and Bengio (2012) show to be a strong baseline for few hyperparameters.
 */
public enum TuningAlgorithm {
  /** Independent seeded draws from the search space (log-uniform for {@code l2_reg}). */
  RANDOM_SEARCH,
  /** An even grid over the space (log-spaced {@code l2_reg}), cut to {@code num_trials}. */
  GRID_SEARCH;

  /** The accepted spellings, for messages. */
  static final String ACCEPTED = "random_search, grid_search or vizier_default (= random_search)";

  /** Parses BigQuery ML's spelling, case-insensitive; {@code vizier_default} maps to random. */
  static TuningAlgorithm parse(String text) {
    String name = text.trim().toUpperCase(Locale.ROOT);
    if (name.equals("VIZIER_DEFAULT")) {
      return RANDOM_SEARCH;
    }
    return valueOf(name);
  }

  /** The config spelling. */
  String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
