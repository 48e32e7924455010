package io.recopipe.components.packaging;

import io.recopipe.model.json.JsonArray;
import io.recopipe.model.json.JsonNumber;
import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonParser;
import io.recopipe.model.json.JsonString;
import io.recopipe.model.json.JsonValue;
import io.recopipe.model.json.JsonWriter;
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
 * @param image      {@code name:tag}
 * @param digest     the image manifest digest, {@code sha256:…}
 * @param imageId    the image config digest, {@code sha256:…}
 * @param base       the {@code base_image} parameter as given
 * @param entrypoint the entrypoint
 * @param ports      the exposed ports
 * @param labels     the labels
 * @param layers     the layers, base first
 */
public record ImageDescription(String image, String digest, String imageId, String base,
    List<String> entrypoint, List<Integer> ports, Map<String, String> labels,
    List<Layer> layers) {
  /** The file name inside the artifact directory. */
  public static final String FILE = "image.json";
  /** The image tarball's file name inside the artifact directory. */
  public static final String TARBALL = "image.tar";

  /**
   * One layer.
   *
   * @param name   {@code base}, {@code dependencies}, {@code application} or {@code model}
   * @param digest the blob digest, {@code sha256:…}
   * @param size   the blob size in bytes
   */
  public record Layer(String name, String digest, long size) {
  }

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
      JsonObject json = JsonParser.parse(Files.readAllBytes(artifactDir.resolve(FILE)))
          .asObject();
      List<String> entrypoint = new ArrayList<>();
      json.getArray("entrypoint").forEach(v -> entrypoint.add(v.asString()));
      List<Integer> ports = new ArrayList<>();
      json.getArray("ports").forEach(v -> ports.add(v.asInt()));
      Map<String, String> labels = new LinkedHashMap<>();
      json.getObject("labels").members().forEach((k, v) -> labels.put(k, v.asString()));
      List<Layer> layers = new ArrayList<>();
      for (JsonValue v : json.getArray("layers")) {
        JsonObject o = v.asObject();
        layers.add(new Layer(o.getString("name"), o.getString("digest"), o.getLong("size")));
      }
      return new ImageDescription(json.getString("image"), json.getString("digest"),
          json.getString("image_id"), json.getString("base"), entrypoint, ports, labels, layers);
    } catch (IllegalArgumentException e) {
      throw new IOException("malformed " + artifactDir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  /** This description as JSON. */
  public JsonObject toJson() {
    List<JsonValue> entry = new ArrayList<>();
    entrypoint.forEach(s -> entry.add(new JsonString(s)));
    List<JsonValue> portValues = new ArrayList<>();
    ports.forEach(p -> portValues.add(JsonNumber.of(p)));
    JsonObject.Builder labelJson = JsonObject.builder();
    labels.forEach(labelJson::put);
    List<JsonValue> layerJson = new ArrayList<>();
    for (Layer layer : layers) {
      layerJson.add(JsonObject.builder().put("name", layer.name()).put("digest", layer.digest())
          .put("size", layer.size()).build());
    }
    return JsonObject.builder()
        .put("image", image)
        .put("digest", digest)
        .put("image_id", imageId)
        .put("base", base)
        .put("entrypoint", JsonArray.of(entry))
        .put("ports", JsonArray.of(portValues))
        .put("labels", labelJson.build())
        .put("layers", JsonArray.of(layerJson))
        .build();
  }

  /** Writes {@code image.json} into {@code artifactDir}. */
  public void write(Path artifactDir) throws IOException {
    Files.writeString(artifactDir.resolve(FILE), JsonWriter.pretty(toJson()) + "\n",
        StandardCharsets.UTF_8);
  }
}
