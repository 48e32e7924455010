package io.recopipe.model.bundle;

import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.Json;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.RatedItems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a model and its manifest as a bundle directory, atomically: everything goes into a hidden
 * staging sibling, is synced to disk, and only then renamed to the target, so that a crash or a
 * full disk never leaves a half-written bundle under the name a server would load.
 *
 * <p>Replacing an existing bundle renames the old one to a backup, the new one into place, then
 * deletes the backup; between the two renames (microseconds) the target name is absent, never
 * partial.
 */
public final class BundleWriter {
  /**
   * What to do when the target already exists: a training run must not clobber a bundle by
   * accident, while a deploy step replaces one on purpose.
   */
  public enum IfExists {
    /** Refuse with {@link FileAlreadyExistsException}. */
    FAIL,
    /** Replace it, if it is a bundle or an empty directory. */
    REPLACE
  }

  private static final BundleWriter DEFAULT = new BundleWriter(step -> {});
  private final StagingDirectory.Checkpoint checkpoint;

  /** Creates a writer that calls {@code checkpoint} after each step (tests inject failures). */
  BundleWriter(StagingDirectory.Checkpoint checkpoint) {
    this.checkpoint = checkpoint;
  }

  /** Writes a new bundle at {@code target}, refusing to replace anything there. */
  public static ModelBundle write(Path target, MfModel model, BundleManifest manifest)
      throws IOException {
    return DEFAULT.writeBundle(target, model, manifest, IfExists.FAIL);
  }

  /**
   * Writes a bundle at {@code target} (its parent directories are created as needed).
   *
   * @return the bundle as written, with its file sizes and digests
   * @throws FileAlreadyExistsException when the target exists and {@code ifExists} is FAIL, or it
   *     is not a bundle or an empty directory
   * @throws IllegalArgumentException when the manifest's options contradict the model, or an id
   *     cannot be stored as UTF-8
   */
  public static ModelBundle write(
      Path target, MfModel model, BundleManifest manifest, IfExists ifExists) throws IOException {
    return DEFAULT.writeBundle(target, model, manifest, ifExists);
  }

  /**
   * Writes a bundle at {@code target} that also stores {@code rated} (the optional {@code
   * rated_items.i32}, so that serving can leave out what users already rated).
   */
  public static ModelBundle write(
      Path target, MfModel model, BundleManifest manifest, RatedItems rated, IfExists ifExists)
      throws IOException {
    return DEFAULT.writeBundle(target, model, manifest, rated, ifExists);
  }

  ModelBundle writeBundle(Path target, MfModel model, BundleManifest manifest, IfExists ifExists)
      throws IOException {
    return writeBundle(target, model, manifest, null, ifExists);
  }

  ModelBundle writeBundle(
      Path target, MfModel model, BundleManifest manifest, RatedItems rated, IfExists ifExists)
      throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (absolute.getFileName() == null) {
      throw new InvalidInputException("bundle target must name a directory, was " + target);
    }
    checkConsistent(model, manifest);
    checkReplaceable(absolute, ifExists);
    try (StagingDirectory staging = StagingDirectory.create(absolute)) {
      List<BundleFile> files = writeDataFiles(staging.path(), model);
      if (rated != null) {
        files.add(
            RatedItemsFile.write(
                staging.path(),
                BundleLayout.RATED_ITEMS,
                rated,
                model.users().size(),
                model.items().size()));
        checkpoint.reached(BundleLayout.RATED_ITEMS);
      }
      ManifestJson.Document document =
          new ManifestJson.Document(
              ModelBundle.FORMAT_VERSION,
              model.numFactors(),
              model.users().size(),
              model.items().size(),
              model.globalIntercept(),
              manifest,
              files);
      String json = Json.pretty(ManifestJson.encode(document)) + "\n";
      try (HashingFileWriter out =
          HashingFileWriter.create(staging.path(), BundleLayout.MANIFEST)) {
        out.put(json.getBytes(StandardCharsets.UTF_8)).finish();
      }
      checkpoint.reached(BundleLayout.MANIFEST);
      staging.commit(ifExists == IfExists.REPLACE, checkpoint);
      return new ModelBundle(absolute, ModelBundle.FORMAT_VERSION, manifest, model, files, rated);
    }
  }

  private List<BundleFile> writeDataFiles(Path directory, MfModel model) throws IOException {
    int k = model.numFactors();
    long users = model.users().size();
    long items = model.items().size();
    List<BundleFile> files = new ArrayList<>();
    files.add(IdListFile.write(directory, BundleLayout.USER_IDS, model.users()));
    checkpoint.reached(BundleLayout.USER_IDS);
    files.add(IdListFile.write(directory, BundleLayout.ITEM_IDS, model.items()));
    checkpoint.reached(BundleLayout.ITEM_IDS);
    files.add(
        FloatArrayFile.write(directory, BundleLayout.USER_FACTORS, model.userFactors(), users, k));
    checkpoint.reached(BundleLayout.USER_FACTORS);
    files.add(
        FloatArrayFile.write(directory, BundleLayout.ITEM_FACTORS, model.itemFactors(), items, k));
    checkpoint.reached(BundleLayout.ITEM_FACTORS);
    files.add(
        FloatArrayFile.write(
            directory, BundleLayout.USER_INTERCEPTS, model.userIntercepts(), users, 1));
    checkpoint.reached(BundleLayout.USER_INTERCEPTS);
    files.add(
        FloatArrayFile.write(
            directory, BundleLayout.ITEM_INTERCEPTS, model.itemIntercepts(), items, 1));
    checkpoint.reached(BundleLayout.ITEM_INTERCEPTS);
    return files;
  }

  /** Refuses a manifest whose options name a different factor count or feedback type. */
  private static void checkConsistent(MfModel model, BundleManifest manifest) {
    Map<String, Object> options = manifest.options();
    if (options.get("num_factors") instanceof Number k && k.longValue() != model.numFactors()) {
      throw new InvalidInputException(
          "manifest options say num_factors "
              + k
              + " but the model has "
              + model.numFactors()
              + " factors");
    }
    Object feedback = options.get("feedback_type");
    if (feedback != null && !manifest.feedbackType().equalsIgnoreCase(feedback.toString())) {
      throw new InvalidInputException(
          "manifest options say feedback_type "
              + feedback
              + " but the manifest says "
              + manifest.feedbackType());
    }
  }

  /** Fails fast, before any writing, when the target may not be replaced. */
  private static void checkReplaceable(Path target, IfExists ifExists) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (ifExists == IfExists.FAIL) {
      throw StagingDirectory.alreadyExists(target);
    }
    boolean isBundle =
        Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
            && (Files.exists(target.resolve(BundleLayout.MANIFEST)) || isEmpty(target));
    if (!isBundle) {
      throw new FileAlreadyExistsException(
          target.toString(),
          null,
          "exists and is not a model bundle (no "
              + BundleLayout.MANIFEST
              + "); refusing to replace it");
    }
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }
}
