package io.recopipe.model.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonInputException;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.RatedItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads a bundle directory into a {@link ModelBundle}, refusing anything it cannot vouch for: each
 * file's size is checked against the manifest, each header against the manifest's dimensions, and
 * (by default) each file's SHA-256, so that a truncated copy or a flipped bit fails at load with a
 * message instead of serving wrong scores.
 *
 * <p>Factor files are memory-mapped and bulk-copied into the model's arrays slice by slice, hashing
 * each slice just before copying it, so verification costs one pass over the data, not two.
 */
public final class BundleReader {

  private BundleReader() {}

  /** Loads and fully verifies (sizes, headers, SHA-256) the bundle at {@code directory}. */
  public static ModelBundle read(Path directory) throws IOException {
    return read(directory, true);
  }

  /**
   * Loads the bundle at {@code directory}.
   *
   * @param verify whether to check every file's SHA-256; sizes and headers are always checked
   * @throws NoSuchFileException when there is nothing at {@code directory}
   * @throws BundleFormatException when the bundle is truncated, corrupted, incomplete, malformed or
   *     newer than this recopipe reads; the message names the file
   */
  public static ModelBundle read(Path directory, boolean verify) throws IOException {
    Path bundle = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(bundle)) {
      if (Files.exists(bundle, LinkOption.NOFOLLOW_LINKS)) {
        throw new BundleFormatException(bundle, null, "not a directory");
      }
      throw new NoSuchFileException(bundle.toString(), null, "no model bundle there");
    }
    ManifestJson.Document document = readManifest(bundle);
    Map<String, BundleFile> files = checkFiles(bundle, document);
    int k = document.numFactors();
    int numUsers = document.numUsers();
    int numItems = document.numItems();
    IdDictionary users =
        IdListFile.read(bundle, files.get(BundleLayout.USER_IDS), numUsers, "num_users", verify);
    IdDictionary items =
        IdListFile.read(bundle, files.get(BundleLayout.ITEM_IDS), numItems, "num_items", verify);
    float[] userFactors =
        FloatArrayFile.read(
            bundle,
            files.get(BundleLayout.USER_FACTORS),
            numUsers,
            k,
            "num_users × num_factors",
            verify);
    float[] itemFactors =
        FloatArrayFile.read(
            bundle,
            files.get(BundleLayout.ITEM_FACTORS),
            numItems,
            k,
            "num_items × num_factors",
            verify);
    float[] userIntercepts =
        FloatArrayFile.read(
            bundle, files.get(BundleLayout.USER_INTERCEPTS), numUsers, 1, "num_users × 1", verify);
    float[] itemIntercepts =
        FloatArrayFile.read(
            bundle, files.get(BundleLayout.ITEM_INTERCEPTS), numItems, 1, "num_items × 1", verify);
    MfModel model =
        new MfModel(
            users,
            items,
            k,
            document.globalIntercept(),
            userFactors,
            userIntercepts,
            itemFactors,
            itemIntercepts);
    BundleFile ratedEntry = files.get(BundleLayout.RATED_ITEMS);
    RatedItems rated =
        ratedEntry == null
            ? null
            : RatedItemsFile.read(bundle, ratedEntry, numUsers, numItems, verify);
    return new ModelBundle(
        bundle, document.formatVersion(), document.manifest(), model, document.files(), rated);
  }

  private static ManifestJson.Document readManifest(Path bundle) throws IOException {
    Path path = bundle.resolve(BundleLayout.MANIFEST);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new BundleFormatException(
          bundle,
          BundleLayout.MANIFEST,
          BundleLayout.MANIFEST + " is missing (not a model bundle, or an unfinished copy?)",
          e);
    }
    JsonNode json;
    try {
      json = Json.parse(bytes);
    } catch (JsonInputException e) {
      throw new BundleFormatException(
          bundle,
          BundleLayout.MANIFEST,
          BundleLayout.MANIFEST + " is not valid JSON: " + e.getMessage(),
          e);
    }
    return ManifestJson.decode(bundle, json);
  }

  /**
   * Checks that the manifest lists every required file and that every listed file exists with the
   * listed size; returns the entries by name.
   */
  private static Map<String, BundleFile> checkFiles(Path bundle, ManifestJson.Document document)
      throws IOException {
    Map<String, BundleFile> byName = new LinkedHashMap<>();
    for (BundleFile file : document.files()) {
      byName.put(file.name(), file);
    }
    for (String required : BundleLayout.DATA_FILES) {
      if (!byName.containsKey(required)) {
        throw new BundleFormatException(
            bundle,
            BundleLayout.MANIFEST,
            BundleLayout.MANIFEST + " does not list " + required + " under files");
      }
    }
    for (BundleFile file : byName.values()) {
      long size;
      try {
        size = Files.size(bundle.resolve(file.name()));
      } catch (NoSuchFileException e) {
        throw new BundleFormatException(
            bundle, file.name(), file.name() + " is missing (the manifest lists it)", e);
      }
      if (size != file.bytes()) {
        throw new BundleFormatException(
            bundle,
            file.name(),
            file.name()
                + " is "
                + size
                + " bytes, manifest says "
                + file.bytes()
                + (size < file.bytes() ? " (truncated?)" : " (appended to?)"));
      }
    }
    return byName;
  }
}
