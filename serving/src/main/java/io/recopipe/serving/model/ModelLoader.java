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
  private ModelLoader() {}

  /**
   * Loads the bundle at {@code directory} (sizes, headers and SHA-256 checked) and starts building
   * its scoring screen ({@link LoadedModel#prepareScreen}) on a daemon thread, so that a hot swap
   * does not wait for it.
   */
  public static LoadedModel load(Path directory) throws IOException {
    LoadedModel model = loadUnscreened(directory);
    screenInBackground(model, () -> {});
    return model;
  }

  /**
   * Loads the bundle at {@code directory} (sizes, headers and SHA-256 checked) without building its
   * screen: a starting server builds it once it has answered (see {@link #screenInBackground}),
   * rather than beside its first answers.
   */
  public static LoadedModel loadUnscreened(Path directory) throws IOException {
    ModelBundle bundle = ModelBundle.load(directory);
    return new LoadedModel(bundle, ContentVersion.of(bundle), Instant.now());
  }

  /** Builds {@code model}'s screen on a daemon thread, after {@code first} has returned. */
  public static void screenInBackground(LoadedModel model, Runnable first) {
    Thread screen =
        new Thread(
            () -> {
              first.run();
              model.prepareScreen();
            },
            "item-screen");
    screen.setDaemon(true);
    screen.start();
  }

  /** The bundle's content version ({@link ContentVersion}), as packaging names it. */
  public static String versionOf(Path bundle) throws IOException {
    return ContentVersion.of(bundle);
  }
}
