package io.recopipe.components.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable version string of a model bundle (the first 12 hex digits of the SHA-256 of its
 * {@code manifest.json}), computed in one place so image labels, the server and the endpoint
 * registry all name a model the same way.
 */
public final class ModelVersion {
  /** The manifest's file name inside a bundle. */
  public static final String MANIFEST = "manifest.json";
  /** How many hex digits the version keeps. */
  public static final int LENGTH = 12;

  private ModelVersion() {
  }

  /** The version of the bundle in {@code bundleDir}. */
  public static String of(Path bundleDir) throws IOException {
    return of(Files.readAllBytes(bundleDir.resolve(MANIFEST)));
  }

  /** The version for the bytes of a {@code manifest.json}. */
  public static String of(byte[] manifestJson) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(manifestJson);
      return HexFormat.of().formatHex(hash).substring(0, LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
