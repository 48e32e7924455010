package io.recopipe.components.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an image's config JSON says about running it (entrypoint, ports, labels, creation time), so
 * a deploy can start the container's process without a container runtime.
 *
 * @param created the {@code created} timestamp as written, or empty
 * @param entrypoint the entrypoint (empty when unset)
 * @param cmd the default arguments (empty when unset)
 * @param env the environment, {@code NAME=value} entries
 * @param workingDir the working directory, or empty
 * @param exposedPorts the exposed ports as written, e.g. {@code 8080/tcp}, sorted
 * @param labels the labels, sorted by key
 * @param diffIds the uncompressed layer digests, in layer order
 */
public record ImageConfig(
    String created,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    String workingDir,
    List<String> exposedPorts,
    Map<String, String> labels,
    List<String> diffIds) {

  /** Copies the collections. */
  public ImageConfig {
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    exposedPorts = List.copyOf(exposedPorts);
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    diffIds = List.copyOf(diffIds);
  }

  /** The exposed port numbers, in order. */
  public List<Integer> ports() {
    List<Integer> ports = new ArrayList<>();
    for (String port : exposedPorts) {
      int slash = port.indexOf('/');
      ports.add(Integer.parseInt(slash < 0 ? port : port.substring(0, slash)));
    }
    return ports;
  }

  /** Reads the Docker/OCI image config JSON. */
  static ImageConfig parse(ObjectNode json) {
    ObjectNode config =
        json.has("config") && json.get("config") instanceof ObjectNode o
            ? o
            : (json.has("Config") && json.get("Config") instanceof ObjectNode c
                ? c
                : Json.object());
    Map<String, String> labels = new TreeMap<>();
    if (config.get("Labels") instanceof ObjectNode l) {
      l.forEachEntry((k, v) -> labels.put(k, JsonFields.asString(v)));
    }
    List<String> ports = new ArrayList<>();
    if (config.get("ExposedPorts") instanceof ObjectNode p) {
      ports.addAll(new java.util.TreeSet<>(JsonFields.names(p)));
    }
    List<String> diffIds =
        json.get("rootfs") instanceof ObjectNode rootfs
            ? strings(rootfs.get("diff_ids"))
            : List.of();
    return new ImageConfig(
        json.get("created") instanceof TextNode s ? s.textValue() : "",
        strings(config.get("Entrypoint")),
        strings(config.get("Cmd")),
        strings(config.get("Env")),
        config.get("WorkingDir") instanceof TextNode w ? w.textValue() : "",
        ports,
        labels,
        diffIds);
  }

  private static List<String> strings(JsonNode value) {
    List<String> out = new ArrayList<>();
    if (value instanceof ArrayNode array) {
      for (JsonNode item : array) {
        out.add(JsonFields.asString(item));
      }
    }
    return out;
  }
}
