package io.recopipe.infra.gcs;

import io.recopipe.model.json.JsonArray;
import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonParser;
import io.recopipe.model.json.JsonValue;
import io.recopipe.model.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of files (relative path, sha256, size) of one artifact on GCS, written after every
 * file so its presence means the artifact is complete and its hashes let a reader verify it.
 *
 * @param files the files, sorted by path
 */
public record ArtifactManifest(List<Entry> files) {
  /** The manifest's object name under the artifact's prefix. */
  public static final String OBJECT = "_recopipe_manifest.json";

  /**
   * One file.
   *
   * @param path   the path relative to the artifact directory, with {@code /}
   * @param sha256 the hex SHA-256 of the content
   * @param size   the size in bytes
   */
  public record Entry(String path, String sha256, long size) {
  }

  /** Copies the list. */
  public ArtifactManifest {
    files = List.copyOf(files);
  }

  /** The manifest as UTF-8 JSON. */
  byte[] toJson() {
    List<JsonValue> entries = new ArrayList<>();
    for (Entry e : files) {
      entries.add(JsonObject.builder().put("path", e.path()).put("sha256", e.sha256())
          .put("size", e.size()).build());
    }
    JsonObject root = JsonObject.builder().put("format", "recopipe-gcs-artifact/1")
        .put("files", JsonArray.of(entries)).build();
    return (JsonWriter.pretty(root) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Parses {@link #toJson()} output. */
  static ArtifactManifest parse(byte[] json) {
    JsonObject root = JsonParser.parse(json).asObject();
    List<Entry> entries = new ArrayList<>();
    for (JsonValue v : root.getArray("files")) {
      JsonObject o = v.asObject();
      entries.add(new Entry(o.getString("path"), o.getString("sha256"), o.getLong("size")));
    }
    return new ArtifactManifest(entries);
  }
}
