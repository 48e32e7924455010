package io.recopipe.components.ingest;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.readers.BadRowPolicy;
import io.recopipe.components.readers.RatingScale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ingest step's parameters, parsed and validated up front so a typo fails the step before any
 * data is read, with a message naming the {@code ingest.} key.
 *
 * @param source        what to read: a path, {@code preset:NAME} or {@code movielens-1m}
 * @param seed          seed of the synthetic preset and of the random split
 * @param split         how to cut train and eval
 * @param columns       the delimited/Parquet column mapping and file options
 * @param scale         the declared rating scale, when {@code rating_min}/{@code rating_max}
 *                      are set
 * @param badRows       how many bad rows may be skipped ({@code max_bad_records}, 0 by default)
 * @param url           where {@code movielens-1m} is downloaded from
 * @param checksum      the SHA-256 the download must have
 */
record IngestOptions(String source, long seed, SplitSpec split, ColumnMapping columns,
    Optional<RatingScale> scale, BadRowPolicy badRows, String url, String checksum) {

  /** The official MovieLens 1M archive. */
  static final String MOVIELENS_1M_URL =
      "https://files.grouplens.org/datasets/movielens/ml-1m.zip";
  /** The most bad rows {@code max_bad_records} may allow (they are kept in memory). */
  static final int MAX_BAD_RECORDS = 10_000_000;
  /**
   * SHA-256 of the official {@code ml-1m.zip} (5,917,549 bytes; its MD5
   * {@code c4d9eecfca2ab87c1945afe126590906} is the one GroupLens publishes).
   */
  static final String MOVIELENS_1M_SHA256 =
      "a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20";

  private static final Set<String> KNOWN = Set.of("source", "seed", "split", "eval_fraction",
      "eval_per_user", "delimiter", "header", "user_col", "item_col", "rating_col",
      "timestamp_col", "rating_min", "rating_max", "max_bad_records", "url", "checksum");

  /** Parses the step's parameters (keys without the {@code ingest.} prefix). */
  static IngestOptions parse(Map<String, String> values) throws ComponentException {
    Parameters parameters = new Parameters("ingest.", values);
    parameters.requireOnly(KNOWN);
    String source = parameters.required("source",
        "a path, preset:ml-100k|ml-1m|ml-20m or movielens-1m");
    long seed = parameters.integer("seed", 42);
    SplitSpec split = SplitSpec.parse(parameters, seed);
    ColumnMapping columns = ColumnMapping.parse(parameters);
    Optional<RatingScale> scale = scale(parameters);
    long maxBad = parameters.integer("max_bad_records", 0);
    if (maxBad < 0 || maxBad > MAX_BAD_RECORDS) {
      throw new ComponentException("ingest.max_bad_records: expected an integer in 0.."
          + MAX_BAD_RECORDS + ", found " + maxBad);
    }
    String checksum = parameters.text("checksum", MOVIELENS_1M_SHA256);
    if (!checksum.matches("[0-9a-fA-F]{64}")) {
      throw new ComponentException("ingest.checksum: expected 64 hex digits (a SHA-256), found '"
          + checksum + "'");
    }
    return new IngestOptions(source, seed, split, columns, scale, new BadRowPolicy((int) maxBad),
        parameters.text("url", MOVIELENS_1M_URL), checksum.toLowerCase(java.util.Locale.ROOT));
  }

  private static Optional<RatingScale> scale(Parameters parameters) throws ComponentException {
    Optional<Double> min = parameters.number("rating_min");
    Optional<Double> max = parameters.number("rating_max");
    if (min.isEmpty() && max.isEmpty()) {
      return Optional.empty();
    }
    float low = min.map(Double::floatValue).orElse(-Float.MAX_VALUE);
    float high = max.map(Double::floatValue).orElse(Float.MAX_VALUE);
    if (low > high) {
      throw new ComponentException("ingest.rating_max: expected a number >= rating_min "
          + min.get() + ", found " + max.get());
    }
    return Optional.of(new RatingScale(low, high));
  }
}
