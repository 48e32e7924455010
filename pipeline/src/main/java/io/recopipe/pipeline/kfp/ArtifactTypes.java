package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.ArtifactType;

/**
 * Maps recopipe's artifact types to KFP system artifact types, so Vertex's lineage view shows data
 * sets and models as such and its run view shows a {@code system.Metrics} artifact's values (the
 * numbers in its metadata); everything else is a generic {@code system.Artifact}.
 */
final class ArtifactTypes {
  /** The schema version of KFP's system artifact types. */
  static final String SCHEMA_VERSION = "0.0.1";

  /** The schema title of KFP's metrics artifact ({@code dsl.Metrics}). */
  static final String METRICS = "system.Metrics";

  private ArtifactTypes() {}

  /** The KFP schema title of {@code type}. */
  static String schemaTitle(ArtifactType type) {
    return switch (type) {
      case DATASET -> "system.Dataset";
      case MODEL -> "system.Model";
      case METRICS -> METRICS;
      default -> "system.Artifact";
    };
  }

  /** The {@code {"artifactType": {...}}} definition of {@code type}. */
  static ObjectNode definition(ArtifactType type) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.putObject("artifactType")
        .put("schemaTitle", schemaTitle(type))
        .put("schemaVersion", SCHEMA_VERSION);
    return node;
  }
}
