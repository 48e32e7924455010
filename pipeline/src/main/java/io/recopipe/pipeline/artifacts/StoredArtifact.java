package io.recopipe.pipeline.artifacts;

import io.recopipe.components.api.ArtifactType;

/**
 * A committed artifact as the metadata store knows it: where it is, what it is and its content
 * hash, which caching and resume re-check before trusting it.
 *
 * @param id the metadata row id (0 before it is recorded)
 * @param uri the path relative to the artifact store root, {@code RUN/STEP/PORT}
 * @param type the artifact type
 * @param sha256 the tree hash ({@link TreeHash})
 * @param bytes the total size of its files
 */
public record StoredArtifact(long id, String uri, ArtifactType type, String sha256, long bytes) {
  /** The same artifact with its metadata row id. */
  public StoredArtifact withId(long newId) {
    return new StoredArtifact(newId, uri, type, sha256, bytes);
  }
}
