package io.recopipe.model.bundle;

import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.RatedItems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trained model together with its manifest, as stored in one bundle directory: the unit that
 * training hands to evaluation, export and serving, and that can be copied into a container layer
 * as it is.
 *
 * @param directory the bundle directory (absolute)
 * @param formatVersion the on-disk format version it was read from or written as
 * @param manifest what the bundle records about the model
 * @param model the model
 * @param files the data files with their sizes and SHA-256 digests
 * @param rated the items each user rated in training (the optional {@code rated_items.i32}), or
 *     null when the bundle has none
 */
public record ModelBundle(
    Path directory,
    int formatVersion,
    BundleManifest manifest,
    MfModel model,
    List<BundleFile> files,
    RatedItems rated) {

  /** The {@code format} every manifest carries. */
  public static final String FORMAT = "recopipe-mf-bundle";

  /** The format version this recopipe writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  /** BigQuery ML's model type for these models. */
  public static final String MODEL_TYPE = "MATRIX_FACTORIZATION";

  /** Checks that the fields are present; copies the file list. */
  public ModelBundle {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(model, "model");
    files = List.copyOf(files);
  }

  /** A bundle without rated items. */
  public ModelBundle(
      Path directory,
      int formatVersion,
      BundleManifest manifest,
      MfModel model,
      List<BundleFile> files) {
    this(directory, formatVersion, manifest, model, files, null);
  }

  /** The items each user rated in training, when the bundle stores them. */
  public Optional<RatedItems> ratedItems() {
    return Optional.ofNullable(rated);
  }

  /**
   * Loads and fully verifies the bundle at {@code directory}; see {@link BundleReader#read}.
   *
   * @throws BundleFormatException when the bundle is truncated, corrupted, incomplete, malformed or
   *     newer than this recopipe reads
   */
  public static ModelBundle load(Path directory) throws IOException {
    return BundleReader.read(directory);
  }
}
