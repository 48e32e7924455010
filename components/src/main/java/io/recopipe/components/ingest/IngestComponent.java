package io.recopipe.components.ingest;

import io.recopipe.components.api.AbstractComponent;
import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.BadInputException;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.dataset.DatasetSchema;
import io.recopipe.components.validation.DataProfile;
import io.recopipe.components.writers.AtomicFiles;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.data.Ratings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The pipeline's first step: reads ratings from any supported source (MovieLens release or
 * download, delimited or Parquet file, synthetic preset), validates them, writes a sorted {@link
 * DatasetLayout} directory with its {@code schema.json} (the one place the data's id kinds and
 * rating range are decided), a report and a train/eval split, and publishes the {@code ratings},
 * {@code movies}, {@code users}, {@code train} and {@code eval} tables, so every later step and
 * every SQL user sees the same data.
 *
 * <p>Parameters: {@code source} (required), {@code seed} (42), {@code split} (random|latest),
 * {@code eval_fraction} (0.1), {@code eval_per_user} (1), {@code delimiter}, {@code header}, {@code
 * user_col}, {@code item_col}, {@code rating_col}, {@code timestamp_col}, {@code rating_min},
 * {@code rating_max}, {@code url} and {@code checksum} (for {@code movielens-1m}).
 */
public final class IngestComponent extends AbstractComponent {
  /** The output port. */
  public static final String DATASET = "dataset";

  /** The component name. */
  public static final String NAME = "ingest";

  /** How many lines of the ratings file {@link #preflight} reads. */
  public static final int PREFLIGHT_LINES = 1_000;

  /** Creates the component. */
  public IngestComponent() {
    super(NAME, "2", List.of(), List.of(Port.of(DATASET, ArtifactType.DATASET)));
  }

  /** Checks the parameters with the same parse {@link #run} starts with. */
  @Override
  public void validate(Map<String, String> parameters) throws ComponentException {
    IngestOptions.parse(parameters);
  }

  /**
   * Reads the start of a local source ({@value #PREFLIGHT_LINES} lines of the ratings file, or the
   * schema and first rows of a Parquet file) exactly as {@link #run} reads it, so a file that
   * cannot be read, undetectable columns or an early bad row are refused before a run is recorded;
   * presets and downloads are checked when the step runs.
   *
   * @param parameters the step's parameters (keys without the {@code ingest.} prefix)
   * @throws BadInputException with the one-line message the step would fail with
   */
  public static void preflight(Map<String, String> parameters) throws ComponentException {
    SourceLoader.preflight(IngestOptions.parse(parameters), PREFLIGHT_LINES);
  }

  @Override
  public void run(StepContext context) throws ComponentException {
    IngestOptions options = IngestOptions.parse(context.parameters());
    Path out = context.output(DATASET);
    long start = System.nanoTime();
    context.log().progress("ingest: reading " + options.source());
    IngestedData data = SourceLoader.load(options, context);
    data.notices().forEach(notice -> context.log().progress("ingest: " + notice));
    if (data.ratings().size() == 0) {
      throw new BadInputException(data.source() + ": expected ratings, found none");
    }
    context
        .log()
        .progress(
            String.format(
                Locale.ROOT,
                "ingest: %,d rows read (%s, %,d users,"
                    + " %,d items, %,d duplicates resolved) in %d ms",
                data.ratings().size(),
                data.format(),
                data.ratings().users().size(),
                data.ratings().items().size(),
                data.duplicatesResolved(),
                (System.nanoTime() - start) / 1_000_000));
    IngestTables.RatingsLoad load = IngestTables.prepare(context);
    Ratings sorted;
    Splits.Membership split;
    DatasetSchema schema;
    try {
      Function<Ratings, Splits.Membership> splitting =
          Splits.begin(data.ratings().size(), options.split());
      sorted = DeterministicOrder.sort(data.ratings());
      split = splitting.apply(sorted);
      Map<String, Long> checksums;
      try {
        checksums = DatasetFiles.writeRatings(out, sorted, split.isEval());
      } catch (IOException | IllegalArgumentException e) {
        throw cannotWrite(out, e);
      }
      load.start(out, sorted, split.isEval(), IngestTables.integerIds(sorted));
      schema = writeTheRest(out, data, sorted, split, options);
      SplitHandoff.offer(out, sorted, split.isEval(), checksums); // while the warehouse loads
    } catch (ComponentException | RuntimeException e) {
      load.awaitQuietly();
      throw e;
    }
    load.await();
    context.metric("rows", sorted.size());
    context.metric("users", sorted.users().size());
    context.metric("items", sorted.items().size());
    context.metric("train_rows", split.trainRows());
    context.metric("eval_rows", split.evalRows());
    context.metric("duplicates_resolved", data.duplicatesResolved());
    context.log().progress("ingest: " + describe(schema));
    context
        .log()
        .info(
            "ingest: split "
                + options.split().describe()
                + ": "
                + split.trainRows()
                + " train, "
                + split.evalRows()
                + " eval");
    IngestTables.publishCatalogs(out, load.warehouse());
    context
        .log()
        .progress(
            String.format(
                Locale.ROOT, "ingest: done in %d ms", (System.nanoTime() - start) / 1_000_000));
  }

  /**
   * Writes schema.json, the data profile (so export and the gate need not read the splits again),
   * the catalogs, the rejected rows and the report while the warehouse loads the ratings files;
   * returns the schema.
   */
  private static DatasetSchema writeTheRest(
      Path out, IngestedData data, Ratings sorted, Splits.Membership split, IngestOptions options)
      throws ComponentException {
    DatasetSchema schema =
        DatasetSchema.of(sorted, split.trainRows(), split.evalRows(), data.source(), data.format());
    try {
      DatasetFiles.writeSchema(out, schema);
      DatasetFiles.writeProfile(out, DataProfile.of(schema, List.of(sorted)));
      if (data.movies().isPresent()) {
        DatasetFiles.writeMovies(out, data.movies().get());
      }
      if (data.users().isPresent()) {
        DatasetFiles.writeUsers(out, data.users().get());
      }
      RejectedRowsFile.write(out, data.rejected());
      String report = IngestReport.json(data, sorted, split, options.split());
      AtomicFiles.write(
          out.resolve(DatasetLayout.REPORT),
          stream -> stream.write(report.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      throw cannotWrite(out, e);
    }
    return schema;
  }

  private static ComponentException cannotWrite(Path out, Exception e) {
    return new ComponentException(
        "ingest: cannot write the dataset to " + out + ": " + e.getMessage(), e);
  }

  /** One line on what later steps will rely on, e.g. {@code ratings 0.5..5 in steps of 0.5}. */
  static String describe(DatasetSchema schema) {
    RatingRange range = schema.ratingRange();
    String step =
        schema.ratingStep().isPresent()
            ? " in steps of " + number(schema.ratingStep().getAsDouble())
            : " (continuous)";
    return "ratings "
        + number(range.min())
        + ".."
        + number(range.max())
        + step
        + "; user ids "
        + schema.userIds().jsonName()
        + ", item ids "
        + schema.itemIds().jsonName()
        + " (predictions are clamped to this range)";
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(RatingRange.decimal((float) value));
  }

  @Override
  public void publish(StepContext context) throws ComponentException {
    IngestTables.publish(context.output(DATASET), context.warehouse());
  }
}
