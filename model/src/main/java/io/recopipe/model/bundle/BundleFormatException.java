package io.recopipe.model.bundle;

import io.recopipe.model.error.FailureKind;
import io.recopipe.model.error.RecopipeFailure;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown when a model bundle on disk is truncated, corrupted, incomplete, malformed or newer than
 * this recopipe reads; a one-line message names the bundle, the file and the problem, so that an
 * operator knows which artifact to rebuild. The CLI maps it to exit code 2 (bad input).
 *
 * <p>An {@link IOException}, like {@code java.util.zip.ZipException}: it is about the contents of
 * files, and callers of the reader handle I/O failures anyway.
 */
public final class BundleFormatException extends IOException implements RecopipeFailure {
  private static final long serialVersionUID = 1L;
  private final transient Path bundle;
  private final String file;

  /**
   * Creates the exception.
   *
   * @param bundle the bundle directory
   * @param file the file at fault (e.g. {@code user_factors.f32}), or null for the directory
   * @param problem what is wrong, a sentence that names the file when there is one
   */
  public BundleFormatException(Path bundle, String file, String problem) {
    super("bundle " + bundle + ": " + problem);
    this.bundle = bundle;
    this.file = file;
  }

  /** Creates the exception with the failure that revealed the problem. */
  public BundleFormatException(Path bundle, String file, String problem, Throwable cause) {
    this(bundle, file, problem);
    initCause(cause);
  }

  /** The error for a file whose content does not hash to the manifest's digest. */
  static BundleFormatException checksumMismatch(Path bundle, BundleFile entry, String actualHex) {
    return new BundleFormatException(
        bundle,
        entry.name(),
        entry.name()
            + " fails its checksum: SHA-256 is "
            + Sha256.shortForm(actualHex)
            + ", manifest says "
            + Sha256.shortForm(entry.sha256())
            + " (corrupted?)");
  }

  /** The bundle directory. */
  public Path bundle() {
    return bundle;
  }

  /** The file at fault, or null when the problem is with the directory as a whole. */
  public String file() {
    return file;
  }

  @Override
  public final FailureKind failureKind() {
    return FailureKind.BAD_INPUT;
  }
}
