package io.recopipe.pipeline.registry.vertex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.infra.vertex.ModelVersionRecord;
import io.recopipe.infra.vertex.VertexLabels;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a {@link RegisteredVersion} is kept in a Vertex AI model version: everything exact in the
 * immutable metadata (run, content version, bundle hash, options, metrics, gate decision), and in
 * labels what is searched or changes (run, content version, status, data fingerprint, blessed,
 * headline metrics, the latest alias move, the version that retired it), encoded to the label
 * rules.
 */
final class VersionRecords {
  static final String RUN = "recopipe_run";
  static final String CONTENT = "recopipe_content";
  static final String STATUS = "recopipe_status";
  static final String FINGERPRINT = "data_fingerprint";
  static final String BLESSED = "blessed";
  static final String METRIC_PREFIX = "metric_";

  /** On a RETIRED version: the version whose promotion (or start of serving) retired it. */
  static final String RETIRED_FOR = "recopipe_retired_for";

  /** Labels reserved for the latest move of each alias: {@code ALIAS_from/_by/_at}. */
  static final String FROM = "_from";

  static final String BY = "_by";
  static final String AT = "_at";

  /** Room kept for status and alias-move labels when metrics are added at upload. */
  private static final int METRIC_LABELS = 40;

  private VersionRecords() {}

  /** The labels a new version is uploaded with. */
  static Map<String, String> labels(RegisteredVersion v) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(RUN, VertexLabels.value(v.runId()));
    labels.put(CONTENT, VertexLabels.value(v.modelVersion()));
    labels.put(STATUS, status(v.status()));
    labels.put(FINGERPRINT, VertexLabels.value(v.dataFingerprint()));
    labels.put(BLESSED, Boolean.toString(v.blessed()));
    v.metrics().entrySet().stream()
        .limit(METRIC_LABELS)
        .forEach(
            m ->
                labels.put(
                    VertexLabels.value(METRIC_PREFIX + m.getKey()),
                    VertexLabels.value(String.format(Locale.ROOT, "%.6g", m.getValue()))));
    return labels;
  }

  /** The metadata (JSON object) a new version is uploaded with. */
  static String metadata(RegisteredVersion v, String actor) {
    ObjectNode json = Json.object();
    json.put("pipeline", v.pipeline());
    json.put("run_id", v.runId());
    json.put("model_version", v.modelVersion());
    json.put("bundle_uri", v.bundleUri());
    json.put("bundle_sha256", v.bundleSha256());
    json.put("image_uri", v.imageUri().orElse(""));
    json.put("data_fingerprint", v.dataFingerprint());
    ObjectNode options = json.putObject("options");
    v.options().forEach(options::put);
    ObjectNode metrics = json.putObject("metrics");
    v.metrics().forEach((name, value) -> metrics.set(name, Json.number(value)));
    json.put("gate_decision", v.gateDecision());
    json.put("blessed", v.blessed());
    json.put("created_at", v.createdAt().toString());
    json.put("registered_by", actor);
    return Json.compact(json);
  }

  /** The version {@code record} holds, as the registry returns it. */
  static RegisteredVersion version(ModelVersionRecord record) {
    JsonNode m = record.metadataJson() == null ? Json.object() : Json.parse(record.metadataJson());
    Map<String, String> options = new TreeMap<>();
    m.path("options")
        .fields()
        .forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
    Map<String, Double> metrics = new TreeMap<>();
    m.path("metrics")
        .fields()
        .forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
    String image = m.path("image_uri").asText("");
    String created = m.path("created_at").asText("");
    return new RegisteredVersion(
        m.path("pipeline").asText(""),
        Integer.parseInt(record.versionId()),
        m.path("run_id").asText(""),
        m.path("model_version").asText(""),
        m.path("bundle_uri").asText(""),
        m.path("bundle_sha256").asText(""),
        image.isEmpty() ? Optional.empty() : Optional.of(image),
        m.path("data_fingerprint").asText(""),
        options,
        metrics,
        m.hasNonNull("gate_decision") ? m.path("gate_decision").asText() : null,
        m.path("blessed").asBoolean(true),
        statusOf(record),
        created.isEmpty() ? record.created() : Instant.parse(created));
  }

  static String status(VersionStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  static VersionStatus statusOf(ModelVersionRecord record) {
    return VersionStatus.valueOf(
        record.labels().getOrDefault(STATUS, "registered").toUpperCase(Locale.ROOT));
  }

  /** {@code record}'s labels with {@code changes} applied. */
  static Map<String, String> with(ModelVersionRecord record, Map<String, String> changes) {
    Map<String, String> labels = new LinkedHashMap<>(record.labels());
    labels.putAll(changes);
    return labels;
  }
}
