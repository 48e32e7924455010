package io.recopipe.components.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One deployed serving process as the endpoint registry records it, so {@code recopipe endpoints}
 * can list what ran, where, and why it stopped.
 *
 * @param revision the revision id (also its directory under {@code revisions/})
 * @param modelVersion the model version the process reported in its state file
 * @param runId the pipeline run that deployed it
 * @param imageDigest the image's digest ({@code sha256:…}), or "" when unknown
 * @param port the process's own (ephemeral) public port
 * @param adminPort its loopback admin port
 * @param pid its process id
 * @param status serving, stopped, failed or rolled_back
 * @param since when it was started
 * @param stoppedAt when it stopped, or null while it runs
 * @param reason why it was rolled back or failed, or null
 */
public record Revision(
    String revision,
    String modelVersion,
    String runId,
    String imageDigest,
    int port,
    int adminPort,
    long pid,
    RevisionStatus status,
    Instant since,
    Instant stoppedAt,
    String reason) {

  /** Whether its process is alive right now. */
  public boolean alive() {
    return EndpointRegistry.alive(pid);
  }

  /** This revision with another status, stop time and reason. */
  public Revision withStatus(RevisionStatus newStatus, Instant when, String why) {
    return new Revision(
        revision,
        modelVersion,
        runId,
        imageDigest,
        port,
        adminPort,
        pid,
        newStatus,
        since,
        when,
        why);
  }

  JsonNode toJson() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("revision", revision);
    map.put("model_version", modelVersion);
    map.put("run_id", runId);
    map.put("image_digest", imageDigest);
    map.put("port", port);
    map.put("admin_port", adminPort);
    map.put("pid", pid);
    map.put("status", status.json());
    map.put("since", since == null ? null : since.toString());
    map.put("stopped_at", stoppedAt == null ? null : stoppedAt.toString());
    map.put("reason", reason);
    return Json.valueOf(map);
  }

  static Revision fromJson(ObjectNode json) {
    return new Revision(
        JsonFields.string(json, "revision"),
        JsonFields.string(json, "model_version", ""),
        JsonFields.string(json, "run_id", ""),
        JsonFields.string(json, "image_digest", ""),
        (int) JsonFields.longValue(json, "port"),
        (int) JsonFields.longValue(json, "admin_port"),
        JsonFields.longValue(json, "pid"),
        RevisionStatus.parse(JsonFields.string(json, "status")),
        instant(json, "since"),
        instant(json, "stopped_at"),
        JsonFields.string(json, "reason", null));
  }

  private static Instant instant(ObjectNode json, String key) {
    String text = JsonFields.string(json, key, null);
    return text == null ? null : Instant.parse(text);
  }
}
