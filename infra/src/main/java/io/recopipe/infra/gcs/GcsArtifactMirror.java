package io.recopipe.infra.gcs;

import io.recopipe.components.api.ArtifactMirror;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The gcp profile's {@link ArtifactMirror}: each committed artifact goes to {@code
 * gs://BUCKET/artifacts/<uri>} through {@link GcsArtifactStore} (hash-checked, manifest last),
 * keyed by the same URI the local store and the metadata use.
 */
public final class GcsArtifactMirror implements ArtifactMirror {
  private final GcsArtifactStore store;

  /** A mirror into {@code store}. */
  public GcsArtifactMirror(GcsArtifactStore store) {
    this.store = store;
  }

  @Override
  public String mirror(String uri, Path dir) throws IOException {
    return store.upload(uri, dir);
  }
}
