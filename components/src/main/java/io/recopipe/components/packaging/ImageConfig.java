package io.recopipe.components.packaging;

import io.recopipe.model.json.JsonArray;
import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an image's config JSON says about running it (entrypoint, ports, labels, creation time),
 * so a deploy can start the container's process without a container runtime.
 *
 * @param created      the {@code created} timestamp as written, or empty
 * @param entrypoint   the entrypoint (empty when unset)
 * @param cmd          the default arguments (empty when unset)
 * @param env          the environment, {@code NAME=value} entries
 * @param workingDir   the working directory, or empty
 * @param exposedPorts the exposed ports as written, e.g. {@code 8080/tcp}, sorted
 * @param labels       the labels, sorted by key
 * @param diffIds      the uncompressed layer digests, in layer order
 */
public record ImageConfig(String created, List<String> entrypoint, List<String> cmd,
    List<String> env, String workingDir, List<String> exposedPorts, Map<String, String> labels,
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
  static ImageConfig parse(JsonObject json) {
    JsonObject config = json.has("config") && json.get("config") instanceof JsonObject o
        ? o : (json.has("Config") && json.get("Config") instanceof JsonObject c
            ? c : JsonObject.empty());
    Map<String, String> labels = new TreeMap<>();
    if (config.get("Labels") instanceof JsonObject l) {
      l.members().forEach((k, v) -> labels.put(k, v.asString()));
    }
    List<String> ports = new ArrayList<>();
    if (config.get("ExposedPorts") instanceof JsonObject p) {
      ports.addAll(new java.util.TreeSet<>(p.keys()));
    }
    List<String> diffIds = json.get("rootfs") instanceof JsonObject rootfs
        ? strings(rootfs.get("diff_ids")) : List.of();
    return new ImageConfig(json.get("created") instanceof io.recopipe.model.json.JsonString s
        ? s.value() : "", strings(config.get("Entrypoint")), strings(config.get("Cmd")),
        strings(config.get("Env")), config.get("WorkingDir")
            instanceof io.recopipe.model.json.JsonString w ? w.value() : "", ports, labels,
        diffIds);
  }

  private static List<String> strings(JsonValue value) {
    List<String> out = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (JsonValue item : array) {
        out.add(item.asString());
      }
    }
    return out;
  }
}
