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

  /**
   * Loads the bundle at {@code directory} (sizes, headers and SHA-256 checked) and starts
   * building its scoring screen ({@link LoadedModel#prepareScreen}) on a daemon thread, so that
   * neither start-up nor a hot swap waits for it.
   */
  public static LoadedModel load(Path directory) throws IOException {
    ModelBundle bundle = ModelBundle.load(directory);
    LoadedModel model = new LoadedModel(bundle, ContentVersion.of(bundle), Instant.now());
    Thread screen = new Thread(model::prepareScreen, "item-screen");
    screen.setDaemon(true);
    screen.start();
    return model;
  }

  /** The bundle's content version ({@link ContentVersion}), as packaging names it. */
  public static String versionOf(Path bundle) throws IOException {
    return ContentVersion.of(bundle);
  }
}
