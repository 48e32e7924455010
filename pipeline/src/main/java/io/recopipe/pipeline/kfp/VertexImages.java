package io.recopipe.pipeline.kfp;

import io.recopipe.infra.config.GcpConfig;
import io.recopipe.model.error.InvalidInputException;
import java.util.Optional;

/**
 * Which image Vertex tasks run: an explicit reference wins, else the pipeline image next to the
 * serving image in the project's Artifact Registry repository, so a configured project needs no
 * extra flag.
 */
public final class VertexImages {
  /** Appended to {@code GcpConfig.imageRepository()} for the default pipeline image. */
  public static final String DEFAULT_SUFFIX = "-pipeline:latest";

  private VertexImages() {
  }

  /** {@code explicit} when given, else {@code IMAGE_REPOSITORY-pipeline:latest} of {@code gcp}. */
  public static String resolve(String explicit, Optional<GcpConfig> gcp) {
    if (explicit != null && !explicit.isBlank()) {
      return explicit.strip();
    }
    return gcp.map(c -> c.imageRepository() + DEFAULT_SUFFIX).orElseThrow(() ->
        new InvalidInputException("pass --image REF (the recopipe pipeline image) or "
            + "complete the gcp section for the default REGISTRY/PROJECT/REPO/IMAGE"
            + DEFAULT_SUFFIX));
  }
}
