package io.recopipe.components.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.dataset.DatasetSchema;
import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small, deterministic summary of the data a model was trained on ({@value #FILE} in its bundle):
 * the schema (columns, id kinds, rating range and step), row counts per split and the rating
 * histogram, so a later run's gate can compare its new data with the champion's without the
 * champion's dataset. It is not part of the model's content version.
 *
 * @param schema the schema summary: {@code columns}, {@code user_ids}, {@code item_ids} and {@code
 *     rating} exactly as the dataset's {@code schema.json} has them
 * @param ratingRows rows of all ratings
 * @param trainRows rows of the train split
 * @param evalRows rows of the eval split
 * @param users distinct users
 * @param items distinct items
 * @param histogram the distribution of all ratings
 */
public record DataProfile(
    ObjectNode schema,
    long ratingRows,
    long trainRows,
    long evalRows,
    long users,
    long items,
    RatingHistogram histogram) {
  /** The file name inside a model bundle. */
  public static final String FILE = "data_profile.json";

  /** The format version written. */
  public static final int FORMAT_VERSION = 1;

  private static final List<String> SCHEMA_FIELDS =
      List.of("columns", "user_ids", "item_ids", "rating");

  /**
   * The profile of {@code dataset}: the one ingest recorded beside its files, else (a dataset
   * written before ingest recorded it) its schema and counts and the histogram of its train and
   * eval splits.
   *
   * @throws IOException when a split cannot be read
   */
  public static DataProfile of(IngestedDataset dataset) throws IOException {
    Optional<DataProfile> recorded = read(dataset.directory());
    if (recorded.isPresent()) {
      return recorded.get();
    }
    List<Ratings> splits = new ArrayList<>();
    dataset.split(DatasetLayout.TRAIN).ifPresent(splits::add);
    dataset.split(DatasetLayout.EVAL).ifPresent(splits::add);
    return of(dataset.schema(), splits);
  }

  /**
   * The profile of a dataset with {@code schema} whose ratings are {@code splits} together (its
   * train and eval splits, or all its ratings at once: the histogram only counts values); ingest
   * records it as {@value #FILE} beside the dataset's files, so later steps need not read the
   * splits again.
   */
  public static DataProfile of(DatasetSchema schema, List<Ratings> splits) {
    ObjectNode full = schema.toJson();
    ObjectNode summary = Json.object();
    for (String field : SCHEMA_FIELDS) {
      summary.set(field, full.get(field));
    }
    return new DataProfile(
        summary,
        schema.ratingRows(),
        schema.trainRows(),
        schema.evalRows(),
        schema.users(),
        schema.items(),
        RatingHistogram.of(splits));
  }

  /** The JSON form, fields in a fixed order. */
  public ObjectNode toJson() {
    ObjectNode json = Json.object().put("format_version", FORMAT_VERSION);
    json.set("schema", schema);
    json.putObject("rows").put("ratings", ratingRows).put("train", trainRows).put("eval", evalRows);
    json.put("users", users).put("items", items);
    json.set("rating_histogram", histogram.toJson());
    return json;
  }

  /**
   * Reads the JSON form.
   *
   * @throws IllegalArgumentException naming the field at fault
   */
  public static DataProfile fromJson(JsonNode parsed) {
    ObjectNode json = JsonFields.asObject(parsed);
    int version = JsonFields.intValue(json, "format_version");
    if (version != FORMAT_VERSION) {
      throw new InvalidInputException("format_version " + version + " is not " + FORMAT_VERSION);
    }
    ObjectNode rows = JsonFields.object(json, "rows");
    return new DataProfile(
        JsonFields.object(json, "schema"),
        JsonFields.longValue(rows, "ratings"),
        JsonFields.longValue(rows, "train"),
        JsonFields.longValue(rows, "eval"),
        JsonFields.longValue(json, "users"),
        JsonFields.longValue(json, "items"),
        RatingHistogram.fromJson(JsonFields.object(json, "rating_histogram")));
  }

  /**
   * The profile in model bundle (or dataset directory) {@code bundleDir}; empty when it has none
   * (written before profiles were).
   *
   * @throws IOException when the file exists but cannot be read or is malformed
   */
  public static Optional<DataProfile> read(Path bundleDir) throws IOException {
    Path file = bundleDir.resolve(FILE);
    try {
      return Optional.of(fromJson(Json.parse(Files.readAllBytes(file))));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }
}
