package io.recopipe.components.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.io.JsonInputException;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Converts a {@link DatasetSchema} to and from {@code schema.json}, which also spells out the fixed
 * layout all three files share (tab-separated, no header, typed columns) so that a person or
 * another tool reads the dataset without recopipe; decoding checks that layout and the format
 * version first.
 */
final class SchemaJson {
  private static final String[] FILES = {
    DatasetLayout.RATINGS, DatasetLayout.TRAIN, DatasetLayout.EVAL
  };

  private SchemaJson() {}

  /** The JSON form of {@code schema}, fields in the documented order. */
  static ObjectNode encode(DatasetSchema schema) {
    long[] rows = {schema.ratingRows(), schema.trainRows(), schema.evalRows()};
    ArrayNode files = Json.array();
    for (int n = 0; n < FILES.length; n++) {
      files.addObject().put("name", FILES[n]).put("rows", rows[n]);
    }
    ObjectNode rating =
        Json.object()
            .put("min", RatingRange.decimal(schema.ratingRange().min()))
            .put("max", RatingRange.decimal(schema.ratingRange().max()));
    rating.set(
        "step",
        schema.ratingStep().isPresent()
            ? Json.valueOf(schema.ratingStep().getAsDouble())
            : Json.valueOf(null));
    ObjectNode json =
        Json.object()
            .put("format_version", schema.formatVersion())
            .put("source", schema.source())
            .put("format", schema.format());
    json.set("files", files);
    json.put("delimiter", "\t").put("header", false);
    json.set("columns", columns(schema.userIds(), schema.itemIds()));
    json.put("user_ids", schema.userIds().jsonName()).put("item_ids", schema.itemIds().jsonName());
    json.set("rating", rating);
    return json.put("users", schema.users())
        .put("items", schema.items())
        .put("fingerprint", schema.fingerprint());
  }

  /**
   * Reads a parsed {@code schema.json}.
   *
   * @throws JsonInputException naming the field at fault
   */
  static DatasetSchema decode(JsonNode parsed) {
    ObjectNode json = JsonFields.asObject(parsed);
    int version = JsonFields.intValue(json, "format_version");
    if (version < 1 || version > DatasetSchema.FORMAT_VERSION) {
      throw new JsonInputException(
          "format_version "
              + version
              + " is not one this recopipe reads (1.."
              + DatasetSchema.FORMAT_VERSION
              + "); a newer recopipe wrote it?");
    }
    IdKind users = kind(json, "user_ids");
    IdKind items = kind(json, "item_ids");
    ObjectNode rating = JsonFields.object(json, "rating");
    RatingRange range =
        new RatingRange(
            (float) JsonFields.doubleValue(rating, "min"),
            (float) JsonFields.doubleValue(rating, "max"));
    OptionalDouble step =
        JsonFields.require(rating, "step").isNull()
            ? OptionalDouble.empty()
            : OptionalDouble.of(JsonFields.doubleValue(rating, "step"));
    checkLayout(json, users, items);
    long[] rows = rows(JsonFields.array(json, "files"));
    return new DatasetSchema(
        version,
        users,
        items,
        range,
        step,
        rows[0],
        rows[1],
        rows[2],
        JsonFields.intValue(json, "users"),
        JsonFields.intValue(json, "items"),
        JsonFields.string(json, "fingerprint"),
        JsonFields.string(json, "source"),
        JsonFields.string(json, "format"));
  }

  private static IdKind kind(ObjectNode json, String key) {
    try {
      return IdKind.parse(JsonFields.string(json, key));
    } catch (IllegalArgumentException e) {
      throw new JsonInputException("field '" + key + "': " + e.getMessage());
    }
  }

  /** Checks that the files' layout is the fixed one this recopipe reads. */
  private static void checkLayout(ObjectNode json, IdKind users, IdKind items) {
    ArrayNode expected = columns(users, items);
    if (!JsonFields.string(json, "delimiter").equals("\t")
        || JsonFields.bool(json, "header")
        || !JsonFields.array(json, "columns").equals(expected)) {
      throw new JsonInputException(
          "a file layout this recopipe does not read (expected "
              + "tab-separated, no header, columns "
              + Json.compact(expected)
              + ")");
    }
  }

  /** The rows of ratings, train and eval. */
  private static long[] rows(ArrayNode files) {
    if (files.size() != FILES.length) {
      throw new JsonInputException(
          "files: expected "
              + FILES.length
              + " entries ("
              + String.join(", ", FILES)
              + "), found "
              + files.size());
    }
    long[] rows = new long[FILES.length];
    for (int n = 0; n < FILES.length; n++) {
      ObjectNode file = JsonFields.asObject(files.get(n));
      String where = "files[" + n + "]";
      if (!JsonFields.string(file, "name").equals(FILES[n])) {
        throw new JsonInputException(
            where + ": expected " + FILES[n] + ", found " + JsonFields.string(file, "name"));
      }
      rows[n] = JsonFields.longValue(file, "rows");
    }
    return rows;
  }

  private static ArrayNode columns(IdKind users, IdKind items) {
    return Json.array(
        List.of(
            column("user_id", users.columnType()),
            column("item_id", items.columnType()),
            column("rating", "FLOAT64"),
            Json.object()
                .put("name", "timestamp")
                .put("type", "INT64")
                .put("unit", "epoch_seconds")));
  }

  private static ObjectNode column(String name, String type) {
    return Json.object().put("name", name).put("type", type);
  }
}
