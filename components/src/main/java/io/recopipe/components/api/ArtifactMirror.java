package io.recopipe.components.api;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A remote copy of every committed artifact (GCS in the gcp profile), so a run's bundles, images
 * descriptions and reports outlive the machine that ran it and cloud jobs can read them.
 */
public interface ArtifactMirror {
  /** Copies the committed artifact directory {@code dir} known as {@code uri}; returns where. */
  String mirror(String uri, Path dir) throws IOException;
}
