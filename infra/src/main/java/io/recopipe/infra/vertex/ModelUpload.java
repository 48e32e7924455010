package io.recopipe.infra.vertex;

import java.util.Map;

/**
 * What one new version of a model in the Vertex AI Model Registry holds, in recopipe's terms, so
 * the pipeline registry never builds a proto: where the bundle lives, the image that serves it,
 * mutable labels and immutable metadata.
 *
 * @param modelId the model's id (one per pipeline); the first upload creates it
 * @param displayName the model's display name
 * @param artifactUri the bundle's directory in Cloud Storage ({@code gs://…/})
 * @param imageUri the serving image ({@code ModelContainerSpec.image_uri}, required by Vertex AI)
 * @param description the version's description
 * @param labels the version's labels (checked by {@link VertexLabels#check})
 * @param metadataJson a JSON object stored as the version's metadata (immutable once uploaded)
 */
public record ModelUpload(
    String modelId,
    String displayName,
    String artifactUri,
    String imageUri,
    String description,
    Map<String, String> labels,
    String metadataJson) {

  /** Checks the id and the labels. */
  public ModelUpload {
    VertexLabels.modelId(modelId);
    labels = VertexLabels.check(labels);
  }
}
