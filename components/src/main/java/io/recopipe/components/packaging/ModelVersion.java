package io.recopipe.components.packaging;

import io.recopipe.model.bundle.ContentVersion;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The stable version string of a model bundle, 12 hex digits of what decides its predictions
 * ({@link ContentVersion}), named here for the pipeline so image labels, the registry and the
 * endpoint registry call one rule, the same one the server applies.
 */
public final class ModelVersion {
  /** The manifest's file name inside a bundle. */
  public static final String MANIFEST = "manifest.json";

  /** How many hex digits the version keeps. */
  public static final int LENGTH = ContentVersion.LENGTH;

  private ModelVersion() {}

  /** The version of the bundle in {@code bundleDir}. */
  public static String of(Path bundleDir) throws IOException {
    return ContentVersion.of(bundleDir);
  }
}
