package io.recopipe.components.ingest;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.UnknownKeysException;
import io.recopipe.components.readers.BadRowPolicy;
import io.recopipe.components.readers.RatingScale;
import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionReader;
import io.recopipe.model.options.OptionType;
import io.recopipe.model.options.Range;
import io.recopipe.model.options.Wording;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The ingest step's parameters, parsed and validated up front so a typo fails the step before any
 * data is read, with a message naming the {@code ingest.} key.
 *
 * @param source what to read: a path, {@code preset:NAME} or {@code movielens-1m}
 * @param seed seed of the synthetic preset and of the random split
 * @param split how to cut train and eval
 * @param columns the delimited/Parquet column mapping and file options
 * @param scale the declared rating scale, when {@code rating_min}/{@code rating_max} are set
 * @param badRows how many bad rows may be skipped ({@code max_bad_records}, 0 by default)
 * @param url where {@code movielens-1m} is downloaded from
 * @param checksum the SHA-256 the download must have
 */
record IngestOptions(
    String source,
    long seed,
    SplitSpec split,
    ColumnMapping columns,
    Optional<RatingScale> scale,
    BadRowPolicy badRows,
    String url,
    String checksum) {

  /** The official MovieLens 1M archive. */
  static final String MOVIELENS_1M_URL = "https://files.grouplens.org/datasets/movielens/ml-1m.zip";

  /** The most bad rows {@code max_bad_records} may allow (they are kept in memory). */
  static final int MAX_BAD_RECORDS = 10_000_000;

  /**
   * SHA-256 of the official {@code ml-1m.zip} (5,917,549 bytes; its MD5 {@code
   * c4d9eecfca2ab87c1945afe126590906} is the one GroupLens publishes).
   */
  static final String MOVIELENS_1M_SHA256 =
      "a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20";

  static final Option<String> SOURCE =
      Option.of(
          "source",
          OptionType.text("a path, preset:ml-100k|ml-1m|ml-20m or movielens-1m"),
          null,
          "what to read");
  static final Option<Long> SEED =
      Option.of("seed", OptionType.LONG, 42L, "seeds the synthetic preset and the random split");
  static final Option<Double> RATING_MIN =
      Option.of("rating_min", OptionType.FINITE, null, "the declared lowest rating");
  static final Option<Double> RATING_MAX =
      Option.of("rating_max", OptionType.FINITE, null, "the declared highest rating");
  static final Option<Long> MAX_BAD =
      Option.of("max_bad_records", OptionType.LONG, 0L, "how many bad rows may be skipped")
          .in(Range.closed(0, MAX_BAD_RECORDS));
  static final Option<String> URL =
      Option.of(
          "url",
          OptionType.text("a URL"),
          MOVIELENS_1M_URL,
          "where movielens-1m is downloaded from");
  static final Option<String> CHECKSUM =
      Option.of(
          "checksum",
          OptionType.choice("64 hex digits (a SHA-256)", IngestOptions::sha256, v -> v),
          MOVIELENS_1M_SHA256,
          "the SHA-256 the download must have");

  private static final Set<String> KNOWN =
      Stream.concat(
              Stream.of(
                      SOURCE,
                      SEED,
                      SplitSpec.SPLIT,
                      SplitSpec.EVAL_FRACTION,
                      SplitSpec.EVAL_PER_USER,
                      ColumnMapping.DELIMITER,
                      ColumnMapping.HEADER,
                      RATING_MIN,
                      RATING_MAX,
                      MAX_BAD,
                      URL,
                      CHECKSUM)
                  .map(Option::name),
              ColumnMapping.COLUMNS.stream())
          .collect(Collectors.toUnmodifiableSet());

  /** Parses the step's parameters (keys without the {@code ingest.} prefix). */
  static IngestOptions parse(Map<String, String> values) throws ComponentException {
    UnknownKeysException.requireKnown("ingest", values, KNOWN, "parameter");
    OptionReader reader =
        OptionReader.of(values, Wording.expected("ingest."), OptionReader.Text.BLANK_IS_UNSET);
    String source = reader.require(SOURCE);
    long seed = reader.get(SEED);
    SplitSpec split = SplitSpec.parse(reader, seed);
    ColumnMapping columns = ColumnMapping.parse(reader, values);
    Optional<RatingScale> scale = scale(reader);
    long maxBad = reader.get(MAX_BAD);
    String checksum = reader.get(CHECKSUM);
    String url = reader.get(URL);
    reader.failOnFirst(ComponentException::new);
    return new IngestOptions(
        source, seed, split, columns, scale, new BadRowPolicy((int) maxBad), url, checksum);
  }

  private static String sha256(String text) {
    if (!text.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException(text);
    }
    return text.toLowerCase(Locale.ROOT);
  }

  private static Optional<RatingScale> scale(OptionReader reader) {
    Optional<Double> min = reader.find(RATING_MIN);
    Optional<Double> max = reader.find(RATING_MAX);
    if (min.isEmpty() && max.isEmpty()) {
      return Optional.empty();
    }
    float low = min.map(Double::floatValue).orElse(-Float.MAX_VALUE);
    float high = max.map(Double::floatValue).orElse(Float.MAX_VALUE);
    if (low > high) {
      reader.problem(
          "ingest.rating_max: expected a number >= rating_min "
              + min.get()
              + ", found "
              + max.get());
      return Optional.empty();
    }
    return Optional.of(new RatingScale(low, high));
  }
}
