package io.recopipe.model.bundle;

import io.recopipe.model.error.InvalidInputException;
import java.util.Objects;

/**
 * One data file of a bundle as the manifest lists it, so that a reader can tell a truncated or
 * corrupted copy from a good one before trusting a single byte.
 *
 * @param name the file name inside the bundle directory
 * @param bytes its size in bytes
 * @param sha256 the SHA-256 of its whole content, 64 lowercase hex digits
 */
public record BundleFile(String name, long bytes, String sha256) {

  /** Checks the fields: a plain file name, a size of zero or more, a well-formed digest. */
  public BundleFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    if (!isPlainFileName(name)) {
      throw new InvalidInputException(
          "file name '"
              + name
              + "' must be a plain name inside the bundle (no '/', '\\', '.' or '..')");
    }
    if (bytes < 0) {
      throw new InvalidInputException("file " + name + ": size must be >= 0, was " + bytes);
    }
    if (!Sha256.isHex(sha256)) {
      throw new InvalidInputException(
          "file " + name + ": sha256 must be 64 lowercase hex " + "digits, was '" + sha256 + "'");
    }
  }

  private static boolean isPlainFileName(String name) {
    return !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0
        && name.indexOf('\0') < 0;
  }
}
