package io.recopipe.pipeline.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recopipe.pipeline.metadata.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Maps {@code model_versions} rows to versions and back: the one place that knows the columns. */
final class RegisteredVersionRows {
  static final String COLUMNS =
      "pipeline, version, run_id, model_version, bundle_uri,"
          + " bundle_sha256, image_uri, data_fingerprint, options, metrics, gate, blessed, status,"
          + " created_at";
  private static final ObjectMapper JSON = new ObjectMapper();

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
          JSON.readValue(rs.getString("options"), new TypeReference<TreeMap<String, String>>() {}),
          JSON.readValue(rs.getString("metrics"), new TypeReference<TreeMap<String, Double>>() {}),
          rs.getString("gate"),
          rs.getInt("blessed") != 0,
          VersionStatus.valueOf(rs.getString("status")),
          Timestamps.parse(rs.getString("created_at")));
    } catch (JsonProcessingException e) {
      throw new SQLException(
          "bad JSON in model_versions row "
              + rs.getString("pipeline")
              + " v"
              + rs.getInt("version")
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static String json(Map<String, ?> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
