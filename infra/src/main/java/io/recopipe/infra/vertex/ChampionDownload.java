package io.recopipe.infra.vertex;

import com.google.api.gax.rpc.ApiException;
import io.recopipe.infra.gcs.GcsArtifactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Fetches the bundle a model's alias points at in the Vertex AI Model Registry ({@code GetModel} on
 * {@code models/M@champion}, then its {@code artifact_uri} from Cloud Storage, every file checked
 * against the artifact's manifest), so a Vertex task compares its candidate with the same champion
 * the registry promoted.
 */
public final class ChampionDownload {
  private final VertexModelRegistryClient registry;
  private final GcsArtifactStore artifacts;

  /** Downloads through {@code registry} and {@code artifacts} (the store bundles are kept in). */
  public ChampionDownload(VertexModelRegistryClient registry, GcsArtifactStore artifacts) {
    this.registry = registry;
    this.artifacts = artifacts;
  }

  /**
   * Downloads the bundle of {@code alias} (or version number) of model {@code modelId} into {@code
   * target} (reused when a complete copy is there already) and returns it; empty when the model or
   * the alias does not exist yet.
   *
   * @throws IOException when the version's artifact is outside the store, missing or corrupted
   */
  public Optional<Path> download(String modelId, String alias, Path target) throws IOException {
    Optional<ModelVersionRecord> version;
    try {
      version = registry.get(modelId, alias);
    } catch (ApiException e) {
      throw new IOException(
          "cannot read " + registry.modelName(modelId) + "@" + alias + ": " + e.getMessage(), e);
    }
    if (version.isEmpty()) {
      return Optional.empty();
    }
    String uri = version.get().artifactUri();
    String key =
        artifacts
            .keyOf(uri)
            .orElseThrow(
                () ->
                    new IOException(
                        registry.modelName(modelId)
                            + "@"
                            + alias
                            + " (version "
                            + version.get().versionId()
                            + ") has artifact "
                            + uri
                            + ", which is not under "
                            + artifacts.uri("KEY")));
    Path dir = target.resolve("v" + version.get().versionId());
    if (!Files.isDirectory(dir)) {
      Path partial = target.resolve(".partial-v" + version.get().versionId());
      artifacts.download(key, partial);
      Files.move(partial, dir);
    }
    return Optional.of(dir);
  }
}
