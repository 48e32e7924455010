package io.recopipe.pipeline.launch;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where artifact URIs live on this machine: KFP's launcher mounts {@code gs://BUCKET/PATH} at
 * {@code /gcs/BUCKET/PATH} ({@code LocalPathForURI}; {@code s3://} and {@code minio://} alike), and
 * a local run keeps the same layout under one directory of the home, shared by runs so a cache
 * hit's artifacts stay readable.
 */
final class ArtifactRoot {
  /** The pipeline root of a spec that names none. */
  static final String DEFAULT_PIPELINE_ROOT = "gs://recopipe-local/pipeline-root";

  private static final Map<String, String> MOUNTS =
      Map.of("gs://", "gcs", "s3://", "s3", "minio://", "minio");

  private final Path directory;

  ArtifactRoot(Path directory) {
    this.directory = directory;
  }

  /** The local path of {@code uri}, or empty for a scheme KFP does not mount. */
  Optional<Path> localPath(String uri) {
    for (Map.Entry<String, String> mount : MOUNTS.entrySet()) {
      if (uri.startsWith(mount.getKey())) {
        String rest = uri.substring(mount.getKey().length());
        Path path = directory.resolve(mount.getValue()).resolve(rest).normalize();
        return path.startsWith(directory) ? Optional.of(path) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Whether {@code uri} has a scheme this root maps. */
  static boolean mapped(String uri) {
    return MOUNTS.keySet().stream().anyMatch(uri::startsWith);
  }
}
