package io.recopipe.components.ingest;

import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionReader;
import io.recopipe.model.options.OptionType;
import io.recopipe.model.options.Range;
import java.util.Locale;

/**
 * How ingest cuts the evaluation split: a seeded random fraction (BigQuery ML's RANDOM split) or
 * each user's latest N ratings (closer to how a recommender is used: predict what comes next).
 *
 * @param method {@code random} or {@code latest}
 * @param evalFraction the random split's eval fraction, in (0, 1)
 * @param seed the random split's seed
 * @param evalPerUser the latest split's ratings held out per user
 */
record SplitSpec(String method, double evalFraction, long seed, int evalPerUser) {
  static final String RANDOM = "random";
  static final String LATEST = "latest";

  static final Option<String> SPLIT =
      Option.of("split", OptionType.oneOf(RANDOM, LATEST), RANDOM, "how train and eval are cut");
  static final Option<Double> EVAL_FRACTION =
      Option.of("eval_fraction", OptionType.FINITE, 0.1, "the random split's eval share")
          .in(Range.open(0, 1));
  static final Option<Long> EVAL_PER_USER =
      Option.of(
              "eval_per_user", OptionType.LONG, 1L, "the latest split's ratings held out per user")
          .in(Range.closed(1, 1_000_000));

  /** Reads the split's parameters; problems go to {@code reader}. */
  static SplitSpec parse(OptionReader reader, long seed) {
    return new SplitSpec(
        reader.get(SPLIT), reader.get(EVAL_FRACTION), seed, reader.get(EVAL_PER_USER).intValue());
  }

  /** A one-line description for logs and the report. */
  String describe() {
    return method.equals(RANDOM)
        ? String.format(Locale.ROOT, "random, eval_fraction %s, seed %d", evalFraction, seed)
        : "latest " + evalPerUser + " per user by timestamp";
  }
}
