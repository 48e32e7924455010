package io.recopipe.serving.model;

import io.recopipe.model.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

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
    String version = versionOf(bundle.directory());
    return new LoadedModel(bundle, version, Instant.now());
  }

  /** The first 12 hex digits of the SHA-256 of the bundle's manifest.json. */
  public static String versionOf(Path bundle) throws IOException {
    byte[] manifest = Files.readAllBytes(bundle.resolve("manifest.json"));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(manifest);
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JDK", e);
    }
  }
}
