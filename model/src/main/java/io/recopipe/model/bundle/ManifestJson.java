package io.recopipe.model.bundle;

import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.json.JsonArray;
import io.recopipe.model.json.JsonException;
import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonValue;
import io.recopipe.model.provenance.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts {@code manifest.json} to and from its parts, checking on the way in that the format is
 * ours and not newer than this code, so that every field error becomes one message naming it.
 */
final class ManifestJson {
  private static final String FILE = BundleLayout.MANIFEST;
  private static final String RATING_MIN = "rating_min";
  private static final String RATING_MAX = "rating_max";

  /**
   * Everything {@code manifest.json} holds.
   *
   * @param formatVersion   the bundle format version
   * @param numFactors      factors per user and item
   * @param numUsers        users in the model
   * @param numItems        items in the model
   * @param globalIntercept the global intercept
   * @param manifest        the descriptive part
   * @param files           the data files with sizes and digests
   */
  record Document(int formatVersion, int numFactors, int numUsers, int numItems,
      float globalIntercept, BundleManifest manifest, List<BundleFile> files) {
  }

  private ManifestJson() {
  }

  /** Returns the JSON form of {@code document}, fields in the documented order. */
  static JsonObject encode(Document document) {
    BundleManifest manifest = document.manifest();
    List<JsonValue> iterations = new ArrayList<>();
    for (TrainingIteration row : manifest.trainingInfo()) {
      iterations.add(JsonObject.builder().put("iteration", row.iteration())
          .put("loss", row.loss()).put("eval_loss", row.evalLoss())
          .put("duration_ms", row.durationMs()).put("objective", row.objective()).build());
    }
    List<JsonValue> files = new ArrayList<>();
    for (BundleFile file : document.files()) {
      files.add(JsonObject.builder().put("name", file.name()).put("bytes", file.bytes())
          .put("sha256", file.sha256()).build());
    }
    JsonObject.Builder json = JsonObject.builder()
        .put("format", ModelBundle.FORMAT)
        .put("format_version", document.formatVersion())
        .put("model_type", ModelBundle.MODEL_TYPE)
        .put("feedback_type", manifest.feedbackType())
        .put("num_factors", document.numFactors())
        .put("num_users", document.numUsers())
        .put("num_items", document.numItems())
        .put("global_intercept", (double) document.globalIntercept())
        .put("user_column", manifest.userColumn())
        .put("item_column", manifest.itemColumn());
    manifest.ratingRange().ifPresent(range -> json
        .put(RATING_MIN, RatingRange.decimal(range.min()))
        .put(RATING_MAX, RatingRange.decimal(range.max())));
    return json
        .put("options", JsonValue.of(manifest.options()))
        .put("training_info", JsonArray.of(iterations))
        .put("metrics", JsonValue.of(manifest.metrics()))
        .put("data_fingerprint", manifest.dataFingerprint())
        .put("provenance", manifest.provenance().toJson())
        .put("files", JsonArray.of(files))
        .build();
  }

  /**
   * Reads a parsed {@code manifest.json}, checking format and version before anything else.
   *
   * @throws BundleFormatException naming the field at fault
   */
  static Document decode(Path bundle, JsonValue parsed) throws BundleFormatException {
    try {
      JsonObject json = parsed.asObject();
      String format = json.getString("format");
      if (!format.equals(ModelBundle.FORMAT)) {
        throw problem(bundle, "format is '" + format + "', expected '" + ModelBundle.FORMAT
            + "' (not a recopipe model bundle?)");
      }
      int version = json.getInt("format_version");
      if (version > ModelBundle.FORMAT_VERSION) {
        throw problem(bundle, "format_version " + version + " is newer than this recopipe reads ("
            + ModelBundle.FORMAT_VERSION + "); upgrade recopipe");
      }
      if (version < 1) {
        throw problem(bundle, "format_version " + version + " is not a valid version");
      }
      String modelType = json.getString("model_type");
      if (!modelType.equals(ModelBundle.MODEL_TYPE)) {
        throw problem(bundle, "model_type '" + modelType + "' is not supported (expected "
            + ModelBundle.MODEL_TYPE + ")");
      }
      BundleManifest manifest = new BundleManifest(json.getString("feedback_type"),
          options(json.getObject("options")),
          trainingInfo(json.getArray("training_info")), metrics(json.getObject("metrics")),
          json.getString("data_fingerprint"), provenance(json.getObject("provenance")),
          json.getString("user_column"), json.getString("item_column"), ratingRange(json));
      return new Document(version, positive(json, "num_factors", 1), positive(json, "num_users", 0),
          positive(json, "num_items", 0), (float) json.getDoubleOrNaN("global_intercept"),
          manifest, files(json.getArray("files")));
    } catch (IllegalArgumentException e) { // JsonException included
      throw problem(bundle, e.getMessage());
    }
  }

  /** The optional range: both bounds or neither (bundles written before it have neither). */
  private static RatingRange ratingRange(JsonObject json) {
    if (!json.has(RATING_MIN) && !json.has(RATING_MAX)) {
      return null;
    }
    if (!json.has(RATING_MIN) || !json.has(RATING_MAX)) {
      throw new JsonException("fields '" + RATING_MIN + "' and '" + RATING_MAX
          + "' go together, found only '" + (json.has(RATING_MIN) ? RATING_MIN : RATING_MAX)
          + "'");
    }
    return new RatingRange((float) json.getDouble(RATING_MIN),
        (float) json.getDouble(RATING_MAX));
  }

  private static int positive(JsonObject json, String key, int minimum) {
    int value = json.getInt(key);
    if (value < minimum) {
      throw new JsonException("field '" + key + "' must be >= " + minimum + ", was " + value);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> options(JsonObject json) {
    return (Map<String, Object>) json.toJava();
  }

  private static List<TrainingIteration> trainingInfo(JsonArray rows) {
    List<TrainingIteration> iterations = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      try {
        JsonObject row = rows.get(i).asObject();
        iterations.add(new TrainingIteration(row.getInt("iteration"),
            row.getDoubleOrNaN("loss"), row.getDoubleOrNaN("eval_loss"),
            row.getDoubleOrNaN("objective"), row.getLong("duration_ms")));
      } catch (JsonException e) {
        throw new JsonException("training_info[" + i + "]: " + e.getMessage());
      }
    }
    return iterations;
  }

  private static Map<String, Double> metrics(JsonObject json) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (String name : json.keys()) {
      try {
        metrics.put(name, json.getDoubleOrNaN(name));
      } catch (JsonException e) {
        throw new JsonException("metrics: " + e.getMessage());
      }
    }
    return metrics;
  }

  private static Provenance provenance(JsonObject json) {
    try {
      return Provenance.fromJson(json);
    } catch (JsonException e) {
      throw new JsonException("provenance: " + e.getMessage());
    }
  }

  private static List<BundleFile> files(JsonArray entries) {
    List<BundleFile> files = new ArrayList<>(entries.size());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      try {
        JsonObject entry = entries.get(i).asObject();
        BundleFile file = new BundleFile(entry.getString("name"), entry.getLong("bytes"),
            entry.getString("sha256"));
        if (!names.add(file.name()) || file.name().equals(FILE)) {
          throw new JsonException("file " + file.name() + " is listed twice or is the manifest");
        }
        files.add(file);
      } catch (IllegalArgumentException e) {
        throw new JsonException("files[" + i + "]: " + e.getMessage());
      }
    }
    return files;
  }

  private static BundleFormatException problem(Path bundle, String detail) {
    return new BundleFormatException(bundle, FILE, FILE + ": " + detail);
  }
}
