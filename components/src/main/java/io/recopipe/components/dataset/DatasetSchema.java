package io.recopipe.components.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.error.InvalidInputException;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What ingest decided about a dataset, once ({@code schema.json}): id kinds, rating range and step
 * as found, row counts, fingerprint and provenance. Every later step reads the dataset by it and
 * never re-infers a format or a rating scale from its own intermediate files.
 *
 * @param formatVersion the schema.json format version
 * @param userIds the kind of the user ids
 * @param itemIds the kind of the item ids
 * @param ratingRange the lowest and highest rating found
 * @param ratingStep the grid the ratings lie on (1, 0.5, …); empty when continuous
 * @param ratingRows rows in {@code ratings.tsv}
 * @param trainRows rows in {@code train.tsv}
 * @param evalRows rows in {@code eval.tsv}
 * @param users distinct users
 * @param items distinct items
 * @param fingerprint the data fingerprint of all ratings ({@link Ratings#fingerprint()})
 * @param source where the data came from (the user's path, URL or preset)
 * @param format the format ingest read it as, e.g. {@code MovieLens 100K}
 */
public record DatasetSchema(
    int formatVersion,
    IdKind userIds,
    IdKind itemIds,
    RatingRange ratingRange,
    OptionalDouble ratingStep,
    long ratingRows,
    long trainRows,
    long evalRows,
    int users,
    int items,
    String fingerprint,
    String source,
    String format) {

  /** The format version this recopipe writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  /** Checks that every field is present and every count non-negative. */
  public DatasetSchema {
    Objects.requireNonNull(userIds, "userIds");
    Objects.requireNonNull(itemIds, "itemIds");
    Objects.requireNonNull(ratingRange, "ratingRange");
    Objects.requireNonNull(ratingStep, "ratingStep");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    if (ratingRows < 0 || trainRows < 0 || evalRows < 0 || users < 0 || items < 0) {
      throw new InvalidInputException("row, user and item counts must be >= 0");
    }
  }

  /** The schema.json form, with the files' fixed layout spelled out. */
  public ObjectNode toJson() {
    return SchemaJson.encode(this);
  }

  /**
   * Reads the schema from parsed schema.json.
   *
   * @throws IllegalArgumentException naming the field at fault
   */
  public static DatasetSchema fromJson(JsonNode json) {
    return SchemaJson.decode(json);
  }

  /**
   * The schema of freshly ingested data: {@code all} in dataset order, split into {@code trainRows}
   * and {@code evalRows}.
   *
   * @throws IllegalArgumentException when {@code all} is empty
   */
  public static DatasetSchema of(
      Ratings all, long trainRows, long evalRows, String source, String format) {
    return new DatasetSchema(
        FORMAT_VERSION,
        IdKind.of(all.users()),
        IdKind.of(all.items()),
        RatingRange.of(all),
        RatingGrid.step(all),
        all.size(),
        trainRows,
        evalRows,
        all.users().size(),
        all.items().size(),
        all.fingerprint(),
        source,
        format);
  }
}
