package io.recopipe.pipeline.artifacts;

import io.recopipe.components.api.ArtifactType;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The local artifact store: {@code ROOT/RUN/STEP/PORT/} directories that appear only complete. A
 * step fills a staging directory under {@code ROOT/.staging/RUN/}; {@link #commit} hashes it and
 * renames it into place atomically, so a crash at any moment leaves either no artifact or a whole
 * one under the final name, and leftovers stay in staging where {@link #cleanStaging} removes them.
 */
public final class ArtifactStore {
  /** The staging area's directory name under the root. */
  public static final String STAGING = ".staging";

  private final Path root;

  /** A store rooted at {@code root} (created if missing). */
  public ArtifactStore(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    Files.createDirectories(this.root.resolve(STAGING));
  }

  /** The store's root directory. */
  public Path root() {
    return root;
  }

  /** The directory of the artifact with relative {@code uri}. */
  public Path resolve(String uri) {
    return root.resolve(uri);
  }

  /** The relative uri of output {@code name} of {@code step} in run {@code runId}. */
  public static String uriOf(String runId, String step, String name) {
    return runId + "/" + step + "/" + name;
  }

  /** A new, empty staging directory for run {@code runId}; unique per call. */
  public Path newStagingDirectory(String runId, String label) throws IOException {
    Path dir = root.resolve(STAGING).resolve(runId).resolve(label + "-" + UUID.randomUUID());
    Files.createDirectories(dir);
    return dir;
  }

  /** Removes every staging leftover of run {@code runId} (after a crash, before resuming). */
  public void cleanStaging(String runId) throws IOException {
    Directories.deleteRecursively(root.resolve(STAGING).resolve(runId));
  }

  /**
   * Hashes {@code staged} and renames it to {@code uri}. An existing directory under that name
   * (left by a crash between rename and recording) is first moved aside into the run's staging area
   * and then deleted (a crash in between leaves it where {@link #cleanStaging} finds it).
   *
   * @return the committed artifact (id 0: not yet recorded)
   */
  public StoredArtifact commit(Path staged, String uri, ArtifactType type) throws IOException {
    TreeHash hash = TreeHash.of(staged);
    Path target = resolve(uri);
    Files.createDirectories(target.getParent());
    if (Files.exists(target)) {
      String run = uri.contains("/") ? uri.substring(0, uri.indexOf('/')) : uri;
      Path aside = root.resolve(STAGING).resolve(run).resolve("replaced-" + UUID.randomUUID());
      Files.createDirectories(aside.getParent());
      moveAtomically(target, aside);
      Directories.deleteRecursively(aside);
    }
    moveAtomically(staged, target);
    return new StoredArtifact(0, uri, type, hash.sha256(), hash.bytes());
  }

  /** Whether {@code artifact} still exists and still hashes as recorded. */
  public boolean verify(StoredArtifact artifact) {
    Path dir = resolve(artifact.uri());
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try {
      TreeHash now = TreeHash.of(dir);
      return now.sha256().equals(artifact.sha256()) && now.bytes() == artifact.bytes();
    } catch (IOException e) {
      return false;
    }
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the artifact store at "
              + to.getParent()
              + " does not support atomic renames from its staging area",
          e);
    }
  }
}
