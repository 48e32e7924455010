package io.recopipe.components.packaging;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code image.json} of an IMAGE artifact that was pushed to a registry instead of written as a
 * tarball: the reference, tag and digest a deploy target pulls, plus what the image runs.
 *
 * @param reference {@code HOST/PATH:TAG}
 * @param tag the tag
 * @param digest the manifest digest, {@code sha256:…}
 * @param base the base image as given
 * @param entrypoint the entrypoint
 * @param labels the labels
 */
public record PushedImage(
    String reference,
    String tag,
    String digest,
    String base,
    List<String> entrypoint,
    Map<String, String> labels) {
  /** The file name inside the artifact directory (as for a tarball image). */
  public static final String FILE = ImageDescription.FILE;

  /** Copies the collections. */
  public PushedImage {
    entrypoint = List.copyOf(entrypoint);
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** {@code HOST/PATH@DIGEST}: the exact image, immune to the tag moving. */
  public String pinnedReference() {
    int slash = reference.lastIndexOf('/');
    int colon = reference.lastIndexOf(':');
    String repository = colon > slash ? reference.substring(0, colon) : reference;
    return repository + "@" + digest;
  }

  /** Writes {@code image.json} into {@code artifactDir}. */
  public void write(Path artifactDir) throws IOException {
    ObjectNode json =
        Json.object()
            .put("pushed", true)
            .put("reference", reference)
            .put("tag", tag)
            .put("digest", digest)
            .put("base", base);
    ArrayNode entry = json.putArray("entrypoint");
    entrypoint.forEach(entry::add);
    ObjectNode labelJson = json.putObject("labels");
    labels.forEach(labelJson::put);
    Files.writeString(artifactDir.resolve(FILE), Json.pretty(json) + "\n", StandardCharsets.UTF_8);
  }

  /** Reads a pushed image's {@code image.json}; a tarball image's is refused in one line. */
  public static PushedImage read(Path artifactDir) throws IOException {
    Path file = artifactDir.resolve(FILE);
    try {
      ObjectNode json = JsonFields.asObject(Json.parse(Files.readAllBytes(file)));
      if (!json.has("pushed") || !JsonFields.bool(json, "pushed")) {
        throw new IOException(
            file
                + " describes a local image tarball, not a pushed image "
                + "(was the package step run without an image registry?)");
      }
      List<String> entrypoint = new ArrayList<>();
      JsonFields.array(json, "entrypoint").forEach(v -> entrypoint.add(JsonFields.asString(v)));
      Map<String, String> labels = new LinkedHashMap<>();
      JsonFields.object(json, "labels")
          .forEachEntry((k, v) -> labels.put(k, JsonFields.asString(v)));
      return new PushedImage(
          JsonFields.string(json, "reference"),
          JsonFields.string(json, "tag"),
          JsonFields.string(json, "digest"),
          JsonFields.string(json, "base"),
          entrypoint,
          labels);
    } catch (IllegalArgumentException e) {
      throw new IOException("malformed " + file + ": " + e.getMessage(), e);
    }
  }
}
