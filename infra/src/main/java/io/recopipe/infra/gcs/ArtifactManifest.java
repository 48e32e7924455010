package io.recopipe.infra.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of files (relative path, sha256, size) of one artifact on GCS, written after every file
 * so its presence means the artifact is complete and its hashes let a reader verify it.
 *
 * @param files the files, sorted by path
 */
public record ArtifactManifest(List<Entry> files) {
  /** The manifest's object name under the artifact's prefix. */
  public static final String OBJECT = "_recopipe_manifest.json";

  /**
   * One file.
   *
   * @param path the path relative to the artifact directory, with {@code /}
   * @param sha256 the hex SHA-256 of the content
   * @param size the size in bytes
   */
  public record Entry(String path, String sha256, long size) {}

  /** Copies the list. */
  public ArtifactManifest {
    files = List.copyOf(files);
  }

  /** The manifest as UTF-8 JSON, laid out as every recopipe JSON file is. */
  byte[] toJson() {
    ObjectNode root = Json.object().put("format", "recopipe-gcs-artifact/1");
    ArrayNode entries = root.putArray("files");
    for (Entry e : files) {
      entries.addObject().put("path", e.path()).put("sha256", e.sha256()).put("size", e.size());
    }
    return (Json.pretty(root) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Parses {@link #toJson()} output; malformed text names line and column. */
  static ArtifactManifest parse(byte[] json) {
    JsonNode root = Json.parse(json);
    List<Entry> entries = new ArrayList<>();
    for (JsonNode o : JsonFields.array(root, "files")) {
      entries.add(
          new Entry(
              JsonFields.string(o, "path"),
              JsonFields.string(o, "sha256"),
              JsonFields.longValue(o, "size")));
    }
    return new ArtifactManifest(entries);
  }
}
