package io.recopipe.components.dataset;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.json.JsonArray;
import io.recopipe.model.json.JsonException;
import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Converts a {@link DatasetSchema} to and from {@code schema.json}, which also spells out the
 * fixed layout all three files share (tab-separated, no header, typed columns) so that a person
 * or another tool reads the dataset without recopipe; decoding checks that layout and the format
 * version first.
 */
final class SchemaJson {
  private static final String[] FILES = {DatasetLayout.RATINGS, DatasetLayout.TRAIN,
      DatasetLayout.EVAL};

  private SchemaJson() {
  }

  /** The JSON form of {@code schema}, fields in the documented order. */
  static JsonObject encode(DatasetSchema schema) {
    long[] rows = {schema.ratingRows(), schema.trainRows(), schema.evalRows()};
    List<JsonValue> files = new ArrayList<>();
    for (int n = 0; n < FILES.length; n++) {
      files.add(JsonObject.builder().put("name", FILES[n]).put("rows", rows[n]).build());
    }
    JsonObject.Builder rating = JsonObject.builder()
        .put("min", RatingRange.decimal(schema.ratingRange().min()))
        .put("max", RatingRange.decimal(schema.ratingRange().max()))
        .put("step", schema.ratingStep().isPresent()
            ? JsonValue.of(schema.ratingStep().getAsDouble()) : JsonValue.of(null));
    return JsonObject.builder()
        .put("format_version", schema.formatVersion())
        .put("source", schema.source())
        .put("format", schema.format())
        .put("files", JsonArray.of(files))
        .put("delimiter", "\t")
        .put("header", false)
        .put("columns", columns(schema.userIds(), schema.itemIds()))
        .put("user_ids", schema.userIds().jsonName())
        .put("item_ids", schema.itemIds().jsonName())
        .put("rating", rating.build())
        .put("users", schema.users())
        .put("items", schema.items())
        .put("fingerprint", schema.fingerprint())
        .build();
  }

  /**
   * Reads a parsed {@code schema.json}.
   *
   * @throws JsonException naming the field at fault
   */
  static DatasetSchema decode(JsonValue parsed) {
    JsonObject json = parsed.asObject();
    int version = json.getInt("format_version");
    if (version < 1 || version > DatasetSchema.FORMAT_VERSION) {
      throw new JsonException("format_version " + version + " is not one this recopipe reads (1.."
          + DatasetSchema.FORMAT_VERSION + "); a newer recopipe wrote it?");
    }
    IdKind users = kind(json, "user_ids");
    IdKind items = kind(json, "item_ids");
    JsonObject rating = json.getObject("rating");
    RatingRange range = new RatingRange((float) rating.getDouble("min"),
        (float) rating.getDouble("max"));
    OptionalDouble step = rating.require("step").isNull() ? OptionalDouble.empty()
        : OptionalDouble.of(rating.getDouble("step"));
    checkLayout(json, users, items);
    long[] rows = rows(json.getArray("files"));
    return new DatasetSchema(version, users, items, range, step, rows[0], rows[1], rows[2],
        json.getInt("users"), json.getInt("items"), json.getString("fingerprint"),
        json.getString("source"), json.getString("format"));
  }

  private static IdKind kind(JsonObject json, String key) {
    try {
      return IdKind.parse(json.getString(key));
    } catch (IllegalArgumentException e) {
      throw new JsonException("field '" + key + "': " + e.getMessage());
    }
  }

  /** Checks that the files' layout is the fixed one this recopipe reads. */
  private static void checkLayout(JsonObject json, IdKind users, IdKind items) {
    JsonArray expected = columns(users, items);
    if (!json.getString("delimiter").equals("\t") || json.getBoolean("header")
        || !json.getArray("columns").equals(expected)) {
      throw new JsonException("a file layout this recopipe does not read (expected "
          + "tab-separated, no header, columns " + expected + ")");
    }
  }

  /** The rows of ratings, train and eval. */
  private static long[] rows(JsonArray files) {
    if (files.size() != FILES.length) {
      throw new JsonException("files: expected " + FILES.length + " entries ("
          + String.join(", ", FILES) + "), found " + files.size());
    }
    long[] rows = new long[FILES.length];
    for (int n = 0; n < FILES.length; n++) {
      JsonObject file = files.get(n).asObject();
      String where = "files[" + n + "]";
      if (!file.getString("name").equals(FILES[n])) {
        throw new JsonException(where + ": expected " + FILES[n] + ", found "
            + file.getString("name"));
      }
      rows[n] = file.getLong("rows");
    }
    return rows;
  }

  private static JsonArray columns(IdKind users, IdKind items) {
    return JsonArray.of(List.of(column("user_id", users.columnType()),
        column("item_id", items.columnType()), column("rating", "FLOAT64"),
        JsonObject.builder().put("name", "timestamp").put("type", "INT64")
            .put("unit", "epoch_seconds").build()));
  }

  private static JsonObject column(String name, String type) {
    return JsonObject.builder().put("name", name).put("type", type).build();
  }
}
