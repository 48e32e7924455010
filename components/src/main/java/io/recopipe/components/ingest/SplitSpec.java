package io.recopipe.components.ingest;

import io.recopipe.components.api.ComponentException;
import java.util.Locale;

/**
 * How ingest cuts the evaluation split: a seeded random fraction (BigQuery ML's RANDOM split) or
 * each user's latest N ratings (closer to how a recommender is used: predict what comes next).
 *
 * @param method       {@code random} or {@code latest}
 * @param evalFraction the random split's eval fraction, in (0, 1)
 * @param seed         the random split's seed
 * @param evalPerUser  the latest split's ratings held out per user
 */
record SplitSpec(String method, double evalFraction, long seed, int evalPerUser) {
  static final String RANDOM = "random";
  static final String LATEST = "latest";

  static SplitSpec parse(Parameters parameters, long seed) throws ComponentException {
    String method = parameters.choice("split", RANDOM, RANDOM, LATEST);
    double fraction = parameters.fraction("eval_fraction", 0.1);
    int perUser = parameters.positive("eval_per_user", 1, 1_000_000);
    return new SplitSpec(method, fraction, seed, perUser);
  }

  /** A one-line description for logs and the report. */
  String describe() {
    return method.equals(RANDOM)
        ? String.format(Locale.ROOT, "random, eval_fraction %s, seed %d", evalFraction, seed)
        : "latest " + evalPerUser + " per user by timestamp";
  }
}
