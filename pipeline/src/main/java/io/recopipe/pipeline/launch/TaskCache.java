package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Execution cache of spec runs, keyed as KFP's driver keys it ({@code
 * cacheutils.GenerateCacheKey}): the pipeline, the input parameter values and artifacts, the output
 * artifact types and parameter types, the command and arguments before substitution and the image;
 * when the image's CLI is replaced by this build, the build takes the image's place. An entry holds
 * the outputs; it is used only while every artifact it names still exists.
 */
final class TaskCache {
  private final Path directory;
  private final ArtifactRoot artifacts;

  TaskCache(Path directory, ArtifactRoot artifacts) {
    this.directory = directory;
    this.artifacts = artifacts;
  }

  /** The fingerprint of one execution, from its key's canonical JSON. */
  static String fingerprint(ObjectNode key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Json.compact(sorted(key)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The outputs cached under {@code fingerprint}, when all their artifacts still exist. */
  Optional<TaskResult> lookup(String fingerprint) {
    Path file = directory.resolve(fingerprint + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode entry;
    try {
      entry = Json.parse(Files.readAllBytes(file));
    } catch (IOException | JsonInputException e) {
      return Optional.empty(); // a damaged entry is a miss, as if it had never been written
    }
    Map<String, JsonNode> parameters = new LinkedHashMap<>();
    entry.path("parameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue()));
    Map<String, JsonNode> outputs = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : entry.path("artifacts").properties()) {
      Optional<Path> local = artifacts.localPath(e.getValue().path("uri").asText());
      if (local.isEmpty() || !Files.exists(local.get())) {
        return Optional.empty();
      }
      outputs.put(e.getKey(), e.getValue());
    }
    return Optional.of(new TaskResult(TaskState.CACHED, parameters, outputs, 0, ""));
  }

  /** Stores the outputs of a successful execution under {@code fingerprint}. */
  void store(String fingerprint, TaskResult result) {
    ObjectNode entry = Json.object();
    result.parameters().forEach(entry.putObject("parameters")::set);
    ObjectNode outputs = entry.putObject("artifacts");
    result.artifacts().forEach(outputs::set);
    try {
      Files.createDirectories(directory);
      Path temp = Files.createTempFile(directory, fingerprint, ".tmp");
      Files.writeString(temp, Json.compact(entry), StandardCharsets.UTF_8);
      Files.move(
          temp,
          directory.resolve(fingerprint + ".json"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the cache entry: " + e.getMessage(), e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> byKey = new TreeMap<>();
      node.properties().forEach(e -> byKey.put(e.getKey(), e.getValue()));
      ObjectNode copy = Json.object();
      byKey.forEach((k, v) -> copy.set(k, sorted(v)));
      return copy;
    }
    if (node.isArray()) {
      var copy = Json.array();
      node.forEach(item -> copy.add(sorted(item)));
      return copy;
    }
    return node;
  }
}
