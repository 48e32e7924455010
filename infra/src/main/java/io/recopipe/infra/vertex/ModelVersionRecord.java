package io.recopipe.infra.vertex;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of a model as the Vertex AI Model Registry returns it, reduced to what recopipe reads
 * back, so callers outside this package never touch the generated protos.
 *
 * @param modelName {@code projects/P/locations/L/models/M}
 * @param versionId the version's id (Vertex numbers versions 1, 2, …)
 * @param aliases the version's aliases (e.g. {@code champion})
 * @param artifactUri the bundle's directory in Cloud Storage
 * @param containerImage the serving image the version was uploaded with ({@code
 *     ModelContainerSpec.image_uri}: the pinned {@code HOST/PATH@sha256:…} reference), blank when
 *     it has none
 * @param labels the version's labels
 * @param metadataJson the version's metadata as JSON ({@code null} when it has none)
 * @param created when the version was created
 */
public record ModelVersionRecord(
    String modelName,
    String versionId,
    List<String> aliases,
    String artifactUri,
    String containerImage,
    Map<String, String> labels,
    String metadataJson,
    Instant created) {

  /** Copies the collections. */
  public ModelVersionRecord {
    aliases = List.copyOf(aliases);
    labels = Map.copyOf(labels);
  }
}
