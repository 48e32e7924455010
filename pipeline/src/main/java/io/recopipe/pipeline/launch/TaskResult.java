package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import java.util.Map;

/**
 * What one task of a spec run left: its state, output parameter values and output artifacts ({@code
 * RuntimeArtifact} JSON: name, type, uri, metadata), the attempts it took and why it did not
 * succeed.
 */
record TaskResult(
    TaskState state,
    Map<String, JsonNode> parameters,
    Map<String, JsonNode> artifacts,
    int attempts,
    String message) {

  static TaskResult of(TaskState state, String message) {
    return new TaskResult(state, Map.of(), Map.of(), 0, message);
  }

  /** This result as the run record writes it; {@code root} maps URIs to local paths. */
  ObjectNode toJson(ArtifactRoot root) {
    ObjectNode json = Json.object().put("state", state.name());
    if (attempts > 0) {
      json.put("attempts", attempts);
    }
    if (!message.isEmpty()) {
      json.put("message", message);
    }
    if (!parameters.isEmpty()) {
      ObjectNode values = json.putObject("parameters");
      parameters.forEach(values::set);
    }
    if (!artifacts.isEmpty()) {
      ObjectNode outputs = json.putObject("artifacts");
      artifacts.forEach(
          (name, artifact) -> {
            ObjectNode copy = ((ObjectNode) artifact).deepCopy();
            root.localPath(artifact.path("uri").asText())
                .ifPresent(p -> copy.put("path", p.toString()));
            outputs.set(name, copy);
          });
    }
    return json;
  }
}
