package io.recopipe.model.bundle;

import io.recopipe.model.data.RatingRange;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A bundle's model version: 12 hex digits of a SHA-256 over exactly what decides its predictions,
 * so that retraining the same data with the same options and seed names the same model, wherever
 * and whenever it ran, and serving, packaging and the registry all agree on the name.
 *
 * <p>Hashed, as a length-prefixed canonical text: the model type and feedback type (which name the
 * response field), the factor count, the global intercept and the prediction range (as float bits),
 * and the name and recorded SHA-256 of each model file (ids, factors, intercepts and, when present,
 * rated items). Not hashed: provenance, run, times, metrics, training info, training options (they
 * shaped the factors, which are hashed) and any other file such as {@code data_profile.json}.
 * Bundles written before this rule get their version by it too.
 */
public final class ContentVersion {
  /** How many hex digits a version has. */
  public static final int LENGTH = 12;

  /** The files whose bytes decide predictions. */
  private static final List<String> MODEL_FILES =
      List.of(
          BundleLayout.USER_IDS,
          BundleLayout.ITEM_IDS,
          BundleLayout.USER_FACTORS,
          BundleLayout.ITEM_FACTORS,
          BundleLayout.USER_INTERCEPTS,
          BundleLayout.ITEM_INTERCEPTS,
          BundleLayout.RATED_ITEMS);

  /** Names the rule inside the hashed text, so a future rule cannot collide with this one. */
  private static final String RULE = "recopipe-model-content-1";

  private ContentVersion() {}

  /**
   * The version of the bundle in {@code bundleDir}, from its {@code manifest.json} alone (the data
   * files' digests are the ones recorded there; loading the bundle verifies them).
   *
   * @throws NoSuchFileException when the directory has no manifest
   * @throws BundleFormatException when the manifest is malformed
   */
  public static String of(Path bundleDir) throws IOException {
    Path bundle = bundleDir.toAbsolutePath().normalize();
    byte[] bytes = Files.readAllBytes(bundle.resolve(BundleLayout.MANIFEST));
    ManifestJson.Document document;
    try {
      document = ManifestJson.decode(bundle, Json.parse(bytes));
    } catch (JsonInputException e) {
      throw new BundleFormatException(
          bundle,
          BundleLayout.MANIFEST,
          BundleLayout.MANIFEST + " is not valid JSON: " + e.getMessage(),
          e);
    }
    return of(
        document.manifest(), document.numFactors(), document.globalIntercept(), document.files());
  }

  /** The version of a loaded bundle; equal to {@link #of(Path)} of its directory. */
  public static String of(ModelBundle bundle) {
    return of(
        bundle.manifest(),
        bundle.model().numFactors(),
        bundle.model().globalIntercept(),
        bundle.files());
  }

  private static String of(
      BundleManifest manifest, int numFactors, float globalIntercept, List<BundleFile> files) {
    StringBuilder text = new StringBuilder();
    field(text, "rule", RULE);
    field(text, "model_type", ModelBundle.MODEL_TYPE);
    field(text, "feedback_type", manifest.feedbackType());
    field(text, "num_factors", Integer.toString(numFactors));
    field(text, "global_intercept", bits(globalIntercept));
    Optional<RatingRange> range = manifest.predictionRange();
    field(
        text,
        "prediction_range",
        range.map(r -> bits(r.min()) + "," + bits(r.max())).orElse("none"));
    Map<String, String> digests = new TreeMap<>();
    for (BundleFile file : files) {
      if (MODEL_FILES.contains(file.name())) {
        digests.put(file.name(), file.sha256());
      }
    }
    digests.forEach((name, sha256) -> field(text, "file:" + name, sha256));
    MessageDigest digest = Sha256.newDigest();
    digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
    return Sha256.hex(digest).substring(0, LENGTH);
  }

  private static String bits(float value) {
    return String.format("%08x", Float.floatToIntBits(value));
  }

  /** Appends one field, name and value length-prefixed so no value can imitate another field. */
  private static void field(StringBuilder text, String name, String value) {
    text.append(name.length())
        .append(':')
        .append(name)
        .append('=')
        .append(value.length())
        .append(':')
        .append(value)
        .append('\n');
  }
}
