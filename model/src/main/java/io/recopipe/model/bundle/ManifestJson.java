package io.recopipe.model.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.io.JsonInputException;
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
   * @param formatVersion the bundle format version
   * @param numFactors factors per user and item
   * @param numUsers users in the model
   * @param numItems items in the model
   * @param globalIntercept the global intercept
   * @param manifest the descriptive part
   * @param files the data files with sizes and digests
   */
  record Document(
      int formatVersion,
      int numFactors,
      int numUsers,
      int numItems,
      float globalIntercept,
      BundleManifest manifest,
      List<BundleFile> files) {}

  private ManifestJson() {}

  /** Returns the JSON form of {@code document}, fields in the documented order. */
  static ObjectNode encode(Document document) {
    BundleManifest manifest = document.manifest();
    ArrayNode iterations = Json.array();
    for (TrainingIteration row : manifest.trainingInfo()) {
      iterations
          .addObject()
          .put("iteration", row.iteration())
          .put("loss", row.loss())
          .put("eval_loss", row.evalLoss())
          .put("duration_ms", row.durationMs())
          .put("objective", row.objective());
    }
    ArrayNode files = Json.array();
    for (BundleFile file : document.files()) {
      files
          .addObject()
          .put("name", file.name())
          .put("bytes", file.bytes())
          .put("sha256", file.sha256());
    }
    ObjectNode json =
        Json.object()
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
    manifest
        .ratingRange()
        .ifPresent(
            range ->
                json.put(RATING_MIN, RatingRange.decimal(range.min()))
                    .put(RATING_MAX, RatingRange.decimal(range.max())));
    json.set("options", Json.valueOf(manifest.options()));
    json.set("training_info", iterations);
    json.set("metrics", Json.valueOf(manifest.metrics()));
    json.put("data_fingerprint", manifest.dataFingerprint());
    json.set("provenance", manifest.provenance().toJson());
    json.set("files", files);
    return json;
  }

  /**
   * Reads a parsed {@code manifest.json}, checking format and version before anything else.
   *
   * @throws BundleFormatException naming the field at fault
   */
  static Document decode(Path bundle, JsonNode parsed) throws BundleFormatException {
    try {
      ObjectNode json = JsonFields.asObject(parsed);
      String format = JsonFields.string(json, "format");
      if (!format.equals(ModelBundle.FORMAT)) {
        throw problem(
            bundle,
            "format is '"
                + format
                + "', expected '"
                + ModelBundle.FORMAT
                + "' (not a recopipe model bundle?)");
      }
      int version = JsonFields.intValue(json, "format_version");
      if (version > ModelBundle.FORMAT_VERSION) {
        throw problem(
            bundle,
            "format_version "
                + version
                + " is newer than this recopipe reads ("
                + ModelBundle.FORMAT_VERSION
                + "); upgrade recopipe");
      }
      if (version < 1) {
        throw problem(bundle, "format_version " + version + " is not a valid version");
      }
      String modelType = JsonFields.string(json, "model_type");
      if (!modelType.equals(ModelBundle.MODEL_TYPE)) {
        throw problem(
            bundle,
            "model_type '"
                + modelType
                + "' is not supported (expected "
                + ModelBundle.MODEL_TYPE
                + ")");
      }
      BundleManifest manifest =
          new BundleManifest(
              JsonFields.string(json, "feedback_type"),
              options(JsonFields.object(json, "options")),
              trainingInfo(JsonFields.array(json, "training_info")),
              metrics(JsonFields.object(json, "metrics")),
              JsonFields.string(json, "data_fingerprint"),
              provenance(JsonFields.object(json, "provenance")),
              JsonFields.string(json, "user_column"),
              JsonFields.string(json, "item_column"),
              ratingRange(json));
      return new Document(
          version,
          positive(json, "num_factors", 1),
          positive(json, "num_users", 0),
          positive(json, "num_items", 0),
          (float) JsonFields.doubleOrNaN(json, "global_intercept"),
          manifest,
          files(JsonFields.array(json, "files")));
    } catch (IllegalArgumentException e) { // JsonInputException included
      throw problem(bundle, e.getMessage());
    }
  }

  /** The optional range: both bounds or neither (bundles written before it have neither). */
  private static RatingRange ratingRange(ObjectNode json) {
    if (!json.has(RATING_MIN) && !json.has(RATING_MAX)) {
      return null;
    }
    if (!json.has(RATING_MIN) || !json.has(RATING_MAX)) {
      throw new JsonInputException(
          "fields '"
              + RATING_MIN
              + "' and '"
              + RATING_MAX
              + "' go together, found only '"
              + (json.has(RATING_MIN) ? RATING_MIN : RATING_MAX)
              + "'");
    }
    return new RatingRange(
        (float) JsonFields.doubleValue(json, RATING_MIN),
        (float) JsonFields.doubleValue(json, RATING_MAX));
  }

  private static int positive(ObjectNode json, String key, int minimum) {
    int value = JsonFields.intValue(json, key);
    if (value < minimum) {
      throw new JsonInputException("field '" + key + "' must be >= " + minimum + ", was " + value);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> options(ObjectNode json) {
    return (Map<String, Object>) Json.toJava(json);
  }

  private static List<TrainingIteration> trainingInfo(ArrayNode rows) {
    List<TrainingIteration> iterations = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      try {
        ObjectNode row = JsonFields.asObject(rows.get(i));
        iterations.add(
            new TrainingIteration(
                JsonFields.intValue(row, "iteration"),
                JsonFields.doubleOrNaN(row, "loss"),
                JsonFields.doubleOrNaN(row, "eval_loss"),
                JsonFields.doubleOrNaN(row, "objective"),
                JsonFields.longValue(row, "duration_ms")));
      } catch (JsonInputException e) {
        throw new JsonInputException("training_info[" + i + "]: " + e.getMessage());
      }
    }
    return iterations;
  }

  private static Map<String, Double> metrics(ObjectNode json) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (String name : JsonFields.names(json)) {
      try {
        metrics.put(name, JsonFields.doubleOrNaN(json, name));
      } catch (JsonInputException e) {
        throw new JsonInputException("metrics: " + e.getMessage());
      }
    }
    return metrics;
  }

  private static Provenance provenance(ObjectNode json) {
    try {
      return Provenance.fromJson(json);
    } catch (JsonInputException e) {
      throw new JsonInputException("provenance: " + e.getMessage());
    }
  }

  private static List<BundleFile> files(ArrayNode entries) {
    List<BundleFile> files = new ArrayList<>(entries.size());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      try {
        ObjectNode entry = JsonFields.asObject(entries.get(i));
        BundleFile file =
            new BundleFile(
                JsonFields.string(entry, "name"),
                JsonFields.longValue(entry, "bytes"),
                JsonFields.string(entry, "sha256"));
        if (!names.add(file.name()) || file.name().equals(FILE)) {
          throw new JsonInputException(
              "file " + file.name() + " is listed twice or is the manifest");
        }
        files.add(file);
      } catch (IllegalArgumentException e) {
        throw new JsonInputException("files[" + i + "]: " + e.getMessage());
      }
    }
    return files;
  }

  private static BundleFormatException problem(Path bundle, String detail) {
    return new BundleFormatException(bundle, FILE, FILE + ": " + detail);
  }
}
