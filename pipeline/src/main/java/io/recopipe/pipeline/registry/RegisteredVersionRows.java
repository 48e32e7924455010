package io.recopipe.pipeline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import io.recopipe.model.io.JsonInputException;
import io.recopipe.pipeline.metadata.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Maps {@code model_versions} rows to versions and back: the one place that knows the columns. */
final class RegisteredVersionRows {
  static final String COLUMNS =
      "pipeline, version, run_id, model_version, bundle_uri,"
          + " bundle_sha256, image_uri, data_fingerprint, options, metrics, gate, blessed, status,"
          + " created_at";

  private RegisteredVersionRows() {}

  static void bind(PreparedStatement ps, RegisteredVersion v) throws SQLException {
    ps.setString(1, v.pipeline());
    ps.setInt(2, v.version());
    ps.setString(3, v.runId());
    ps.setString(4, v.modelVersion());
    ps.setString(5, v.bundleUri());
    ps.setString(6, v.bundleSha256());
    ps.setString(7, v.imageUri().orElse(null));
    ps.setString(8, v.dataFingerprint());
    ps.setString(9, json(new TreeMap<>(v.options())));
    ps.setString(10, json(new TreeMap<>(v.metrics())));
    ps.setString(11, v.gateDecision());
    ps.setInt(12, v.blessed() ? 1 : 0);
    ps.setString(13, v.status().name());
    ps.setString(14, Timestamps.format(v.createdAt()));
  }

  static RegisteredVersion read(ResultSet rs) throws SQLException {
    try {
      return new RegisteredVersion(
          rs.getString("pipeline"),
          rs.getInt("version"),
          rs.getString("run_id"),
          rs.getString("model_version"),
          rs.getString("bundle_uri"),
          rs.getString("bundle_sha256"),
          Optional.ofNullable(rs.getString("image_uri")),
          rs.getString("data_fingerprint"),
          new TreeMap<>(JsonFields.texts(Json.parse(rs.getString("options")))),
          metrics(Json.parse(rs.getString("metrics"))),
          rs.getString("gate"),
          rs.getInt("blessed") != 0,
          VersionStatus.valueOf(rs.getString("status")),
          Timestamps.parse(rs.getString("created_at")));
    } catch (JsonInputException | NumberFormatException e) {
      throw new SQLException(
          "bad JSON in model_versions row "
              + rs.getString("pipeline")
              + " v"
              + rs.getInt("version")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * {@code map} as one line of JSON; a metric that is NaN or infinite is written as the string
   * {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}, as rows have always held it.
   */
  static String json(Map<String, ?> map) {
    Map<String, Object> values = new LinkedHashMap<>();
    map.forEach(
        (key, value) ->
            values.put(
                key,
                value instanceof Double d && !Double.isFinite(d) ? Double.toString(d) : value));
    return Json.compact(Json.valueOf(values));
  }

  /** A metrics object: numbers, the strings of non-finite numbers, or null. */
  private static TreeMap<String, Double> metrics(JsonNode object) {
    TreeMap<String, Double> metrics = new TreeMap<>();
    for (Map.Entry<String, JsonNode> member : JsonFields.asObject(object).properties()) {
      JsonNode value = member.getValue();
      metrics.put(
          member.getKey(),
          value.isNull()
              ? null
              : value.isTextual() ? Double.valueOf(value.textValue()) : JsonFields.asDouble(value));
    }
    return metrics;
  }
}
