package io.recopipe.components.packaging;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The {@code image.json} of an IMAGE artifact: name, digests, base, entrypoint, ports, labels and
 * named layers, so a deploy (or a person) knows what the tarball holds without opening it.
 *
 * @param image {@code name:tag}
 * @param digest the image manifest digest, {@code sha256:…}
 * @param imageId the image config digest, {@code sha256:…}
 * @param base the {@code base_image} parameter as given
 * @param entrypoint the entrypoint
 * @param ports the exposed ports
 * @param labels the labels
 * @param layers the layers, base first
 */
public record ImageDescription(
    String image,
    String digest,
    String imageId,
    String base,
    List<String> entrypoint,
    List<Integer> ports,
    Map<String, String> labels,
    List<Layer> layers) {
  /** The file name inside the artifact directory. */
  public static final String FILE = "image.json";

  /** The image tarball's file name inside the artifact directory. */
  public static final String TARBALL = "image.tar";

  /**
   * One layer.
   *
   * @param name {@code base}, {@code dependencies}, {@code application} or {@code model}
   * @param digest the blob digest, {@code sha256:…}
   * @param size the blob size in bytes
   */
  public record Layer(String name, String digest, long size) {}

  /** Copies the collections. */
  public ImageDescription {
    entrypoint = List.copyOf(entrypoint);
    ports = List.copyOf(ports);
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    layers = List.copyOf(layers);
  }

  /** Reads {@code image.json} from an IMAGE artifact directory. */
  public static ImageDescription read(Path artifactDir) throws IOException {
    try {
      ObjectNode json =
          JsonFields.asObject(Json.parse(Files.readAllBytes(artifactDir.resolve(FILE))));
      List<String> entrypoint = new ArrayList<>();
      JsonFields.array(json, "entrypoint").forEach(v -> entrypoint.add(JsonFields.asString(v)));
      List<Integer> ports = new ArrayList<>();
      JsonFields.array(json, "ports").forEach(v -> ports.add(JsonFields.asInt(v)));
      Map<String, String> labels = new LinkedHashMap<>();
      JsonFields.object(json, "labels")
          .forEachEntry((k, v) -> labels.put(k, JsonFields.asString(v)));
      List<Layer> layers = new ArrayList<>();
      for (JsonNode v : JsonFields.array(json, "layers")) {
        ObjectNode o = JsonFields.asObject(v);
        layers.add(
            new Layer(
                JsonFields.string(o, "name"),
                JsonFields.string(o, "digest"),
                JsonFields.longValue(o, "size")));
      }
      return new ImageDescription(
          JsonFields.string(json, "image"),
          JsonFields.string(json, "digest"),
          JsonFields.string(json, "image_id"),
          JsonFields.string(json, "base"),
          entrypoint,
          ports,
          labels,
          layers);
    } catch (IllegalArgumentException e) {
      throw new IOException("malformed " + artifactDir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  /** This description as JSON. */
  public ObjectNode toJson() {
    ObjectNode json =
        Json.object()
            .put("image", image)
            .put("digest", digest)
            .put("image_id", imageId)
            .put("base", base);
    ArrayNode entry = json.putArray("entrypoint");
    entrypoint.forEach(entry::add);
    ArrayNode portValues = json.putArray("ports");
    ports.forEach(portValues::add);
    ObjectNode labelJson = json.putObject("labels");
    labels.forEach(labelJson::put);
    ArrayNode layerJson = json.putArray("layers");
    for (Layer layer : layers) {
      layerJson
          .addObject()
          .put("name", layer.name())
          .put("digest", layer.digest())
          .put("size", layer.size());
    }
    return json;
  }

  /** Writes {@code image.json} into {@code artifactDir}. */
  public void write(Path artifactDir) throws IOException {
    Files.writeString(
        artifactDir.resolve(FILE), Json.pretty(toJson()) + "\n", StandardCharsets.UTF_8);
  }
}
