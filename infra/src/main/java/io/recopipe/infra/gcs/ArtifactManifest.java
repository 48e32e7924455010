package io.recopipe.infra.gcs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The list of files (relative path, sha256, size) of one artifact on GCS, written after every file
 * so its presence means the artifact is complete and its hashes let a reader verify it.
 *
 * @param files the files, sorted by path
 */
public record ArtifactManifest(List<Entry> files) {
  /** The manifest's object name under the artifact's prefix. */
  public static final String OBJECT = "_recopipe_manifest.json";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          .build();

  /** Two-space indents, {@code "key": value}, {@code []} when empty: as manifests always were. */
  private static final ObjectWriter PRETTY =
      JSON.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

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

  /** The manifest as UTF-8 JSON. */
  byte[] toJson() {
    ObjectNode root = JSON.createObjectNode().put("format", "recopipe-gcs-artifact/1");
    ArrayNode entries = root.putArray("files");
    for (Entry e : files) {
      entries.addObject().put("path", e.path()).put("sha256", e.sha256()).put("size", e.size());
    }
    try {
      return (PRETTY.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of strings and numbers: not expected
    }
  }

  /** Parses {@link #toJson()} output; malformed text names line and column. */
  static ArtifactManifest parse(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new IllegalArgumentException(
          (at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ")
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory input: not expected
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode o : field(root, "files", JsonNode::isArray, "an array")) {
      entries.add(
          new Entry(
              field(o, "path", JsonNode::isTextual, "a string").textValue(),
              field(o, "sha256", JsonNode::isTextual, "a string").textValue(),
              field(
                      o,
                      "size",
                      v -> v.canConvertToExactIntegral() && v.canConvertToLong(),
                      "an integer")
                  .longValue()));
    }
    return new ArtifactManifest(entries);
  }

  private static JsonNode field(
      JsonNode object, String key, Predicate<JsonNode> type, String expected) {
    JsonNode value = object.get(key);
    if (value == null) {
      throw new IllegalArgumentException("field '" + key + "' is missing");
    }
    if (!type.test(value)) {
      throw new IllegalArgumentException(
          "field '"
              + key
              + "': expected "
              + expected
              + ", found "
              + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return value;
  }
}
