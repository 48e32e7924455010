package io.recopipe.serving.model;

import io.recopipe.model.bundle.ContentVersion;
import io.recopipe.model.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Loads and fully verifies a bundle and names its version, so that start-up and hot swap share one
 * path and a bad bundle fails before anything serves it.
 */
public final class ModelLoader {
  private ModelLoader() {
  }

  /** Loads the bundle at {@code directory} (sizes, headers and SHA-256 checked). */
  public static LoadedModel load(Path directory) throws IOException {
    ModelBundle bundle = ModelBundle.load(directory);
    return new LoadedModel(bundle, ContentVersion.of(bundle), Instant.now());
  }

  /** The bundle's content version ({@link ContentVersion}), as packaging names it. */
  public static String versionOf(Path bundle) throws IOException {
    return ContentVersion.of(bundle);
  }
}
