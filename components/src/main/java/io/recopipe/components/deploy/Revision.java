package io.recopipe.components.deploy;

import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One deployed serving process as the endpoint registry records it, so {@code recopipe endpoints}
 * can list what ran, where, and why it stopped.
 *
 * @param revision     the revision id (also its directory under {@code revisions/})
 * @param modelVersion the model version the process reported in its state file
 * @param runId        the pipeline run that deployed it
 * @param imageDigest  the image's digest ({@code sha256:…}), or "" when unknown
 * @param port         the process's own (ephemeral) public port
 * @param adminPort    its loopback admin port
 * @param pid          its process id
 * @param status       serving, stopped, failed or rolled_back
 * @param since        when it was started
 * @param stoppedAt    when it stopped, or null while it runs
 * @param reason       why it was rolled back or failed, or null
 */
public record Revision(String revision, String modelVersion, String runId, String imageDigest,
    int port, int adminPort, long pid, RevisionStatus status, Instant since, Instant stoppedAt,
    String reason) {

  /** Whether its process is alive right now. */
  public boolean alive() {
    return EndpointRegistry.alive(pid);
  }

  /** This revision with another status, stop time and reason. */
  public Revision withStatus(RevisionStatus newStatus, Instant when, String why) {
    return new Revision(revision, modelVersion, runId, imageDigest, port, adminPort, pid,
        newStatus, since, when, why);
  }

  JsonValue toJson() {
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
    return JsonValue.of(map);
  }

  static Revision fromJson(JsonObject json) {
    return new Revision(json.getString("revision"), json.getString("model_version", ""),
        json.getString("run_id", ""), json.getString("image_digest", ""),
        (int) json.getLong("port"), (int) json.getLong("admin_port"), json.getLong("pid"),
        RevisionStatus.parse(json.getString("status")), instant(json, "since"),
        instant(json, "stopped_at"), json.getString("reason", null));
  }

  private static Instant instant(JsonObject json, String key) {
    String text = json.getString(key, null);
    return text == null ? null : Instant.parse(text);
  }
}
