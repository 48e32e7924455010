package io.recopipe.components.dataset;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * A DATASET artifact opened for reading by its {@code schema.json}: every step after ingest reads
 * ratings, train and eval through this, so none re-infers a format or assumes a rating scale.
 *
 * <p>A dataset without schema.json (written by an older recopipe, e.g. a cached artifact) is read
 * in the same fixed layout, and its schema is derived from its own data: the rating range is the
 * lowest and highest rating of train and eval together, never an assumed 1..5.
 */
public final class IngestedDataset {
  private static final String UNKNOWN = "unknown";
  private static final SplitFileReader.Expected UNCHECKED =
      new SplitFileReader.Expected(null, null, null, -1);

  private final Path dir;
  private final DatasetSchema schema;
  private final boolean recorded;
  private final Map<String, Optional<Ratings>> read;

  private IngestedDataset(
      Path dir, DatasetSchema schema, boolean recorded, Map<String, Optional<Ratings>> read) {
    this.dir = dir;
    this.schema = schema;
    this.recorded = recorded;
    this.read = read;
  }

  /**
   * Opens dataset directory {@code dir}.
   *
   * @throws CorruptDatasetException when schema.json is malformed, or (without one) the splits
   * @throws IOException when a file cannot be read
   */
  public static IngestedDataset open(Path dir) throws IOException {
    Path file = dir.resolve(DatasetLayout.SCHEMA);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return derived(dir);
    }
    try {
      return new IngestedDataset(
          dir, DatasetSchema.fromJson(Json.parse(bytes)), true, new HashMap<>());
    } catch (IllegalArgumentException e) {
      throw new CorruptDatasetException(file + ": " + e.getMessage());
    }
  }

  /** The schema: as ingest recorded it, or derived from the data (see the class comment). */
  public DatasetSchema schema() {
    return schema;
  }

  /** Whether the schema came from schema.json (false: derived from an older dataset's data). */
  public boolean hasRecordedSchema() {
    return recorded;
  }

  /** The rating range ingest found: what evaluation, export and serving clamp predictions to. */
  public RatingRange ratingRange() {
    return schema.ratingRange();
  }

  /** The dataset directory. */
  public Path directory() {
    return dir;
  }

  /**
   * Split {@code file} ({@link DatasetLayout#RATINGS}, {@link DatasetLayout#TRAIN} or {@link
   * DatasetLayout#EVAL}); empty when the dataset has no rows in it.
   *
   * @throws CorruptDatasetException when the file disagrees with the schema
   */
  public Optional<Ratings> split(String file) throws IOException {
    Optional<Ratings> cached = read.get(file);
    if (cached != null) {
      return cached;
    }
    SplitFileReader.Expected expected = recorded ? expected(schema, file) : UNCHECKED;
    Optional<Ratings> ratings = read(dir.resolve(file), expected);
    read.put(file, ratings);
    return ratings;
  }

  /**
   * Lets this process's later reads of split {@code file} of dataset {@code dir} (also after the
   * directory is renamed) use {@code ratings}, built on first use, instead of parsing the file, as
   * long as the file keeps its size, modification time and checksum: {@code crc32c}, the CRC-32C of
   * the bytes the caller wrote to it (a wrong one only means the file is parsed). For the step that
   * wrote the file and the dataset's schema.json: {@code ratings} must be exactly what reading the
   * file back gives (rows in file order, ids numbered in order of first appearance).
   *
   * @throws IOException when schema.json or the file cannot be read
   */
  public void offer(String file, long crc32c, Supplier<Ratings> ratings) throws IOException {
    if (!recorded) {
      throw new IllegalStateException(dir + " has no schema.json");
    }
    ReadSplits.offer(dir.resolve(file), expected(schema, file), crc32c, ratings);
  }

  private static SplitFileReader.Expected expected(DatasetSchema schema, String file) {
    long rows =
        switch (file) {
          case DatasetLayout.RATINGS -> schema.ratingRows();
          case DatasetLayout.TRAIN -> schema.trainRows();
          case DatasetLayout.EVAL -> schema.evalRows();
          default -> throw new InvalidInputException("not a ratings file of a dataset: " + file);
        };
    return new SplitFileReader.Expected(
        schema.userIds(), schema.itemIds(), schema.ratingRange(), rows);
  }

  private static Optional<Ratings> read(Path path, SplitFileReader.Expected expected)
      throws IOException {
    if (!Files.isRegularFile(path)) {
      if (expected.rows() > 0) {
        throw new CorruptDatasetException(
            path + " is missing; schema.json says it has " + expected.rows() + " rows");
      }
      return Optional.empty();
    }
    Ratings ratings = ReadSplits.read(path, expected);
    return ratings.size() == 0 ? Optional.empty() : Optional.of(ratings);
  }

  /** An older dataset: train and eval read unchecked, the schema derived from them. */
  private static IngestedDataset derived(Path dir) throws IOException {
    Map<String, Optional<Ratings>> read = new HashMap<>();
    for (String file : new String[] {DatasetLayout.TRAIN, DatasetLayout.EVAL}) {
      read.put(file, read(dir.resolve(file), UNCHECKED));
    }
    Optional<Ratings> train = read.get(DatasetLayout.TRAIN);
    Optional<Ratings> eval = read.get(DatasetLayout.EVAL);
    Ratings basis = train.or(() -> eval).orElse(null);
    if (basis == null) {
      basis =
          read(dir.resolve(DatasetLayout.RATINGS), UNCHECKED)
              .orElseThrow(
                  () ->
                      new CorruptDatasetException(
                          dir
                              + " has no schema.json and no ratings in "
                              + DatasetLayout.TRAIN
                              + ", "
                              + DatasetLayout.EVAL
                              + " or "
                              + DatasetLayout.RATINGS));
      read.put(DatasetLayout.RATINGS, Optional.of(basis));
    }
    RatingRange range = union(RatingRange.of(basis), eval.map(RatingRange::of));
    long trainRows = train.map(Ratings::size).orElse(0);
    long evalRows = eval.map(Ratings::size).orElse(0);
    DatasetSchema schema =
        new DatasetSchema(
            DatasetSchema.FORMAT_VERSION,
            IdKind.of(basis.users()),
            IdKind.of(basis.items()),
            range,
            OptionalDouble.empty(),
            trainRows + evalRows,
            trainRows,
            evalRows,
            basis.users().size(),
            basis.items().size(),
            UNKNOWN,
            UNKNOWN,
            UNKNOWN);
    return new IngestedDataset(dir, schema, false, read);
  }

  private static RatingRange union(RatingRange range, Optional<RatingRange> other) {
    return other
        .map(o -> new RatingRange(Math.min(range.min(), o.min()), Math.max(range.max(), o.max())))
        .orElse(range);
  }
}
