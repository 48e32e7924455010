package io.recopipe.components.packaging;

import com.google.cloud.tools.jib.api.ImageReference;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.UnknownKeysException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code package} step's parameters, read and checked before any work, so a typo or a missing
 * serving dist fails in one line naming the parameter.
 *
 * @param base the base image
 * @param dist the serving application's files
 * @param imageName the image repository name, e.g. {@code recopipe/recommender}
 * @param imageTag the image tag
 * @param modelName the model name the server answers to
 */
public record PackageSettings(
    BaseImage base, ServingDist dist, String imageName, String imageTag, String modelName) {
  /** The default image name. */
  public static final String DEFAULT_IMAGE_NAME = "recopipe/recommender";

  /** The default model name, as the seed's endpoint. */
  public static final String DEFAULT_MODEL_NAME = "recommender_model";

  private static final Set<String> KNOWN =
      Set.of(BaseImage.PARAMETER, ServingDist.PARAMETER, "image_name", "image_tag", "model_name");
  private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  /**
   * Reads {@code parameters}; {@code fallbackTag} is the default tag (characters a tag cannot hold
   * become {@code -}).
   */
  public static PackageSettings parse(
      String step,
      Map<String, String> parameters,
      String fallbackTag,
      Map<String, String> env,
      Path workingDir)
      throws ComponentException {
    String tag = checked(step, parameters, fallbackTag);
    BaseImage base = BaseImage.parse(step, value(parameters, BaseImage.PARAMETER, "scratch"));
    ServingDist dist =
        ServingDist.locate(step, parameters.get(ServingDist.PARAMETER), env, workingDir);
    return new PackageSettings(
        base,
        dist,
        value(parameters, "image_name", DEFAULT_IMAGE_NAME),
        tag,
        value(parameters, "model_name", DEFAULT_MODEL_NAME));
  }

  /**
   * Checks every parameter {@link #parse} reads without looking for the serving dist, which only
   * has to exist when the step runs (a run that ends at the gate never needs it).
   */
  public static void check(String step, Map<String, String> parameters) throws ComponentException {
    checked(step, parameters, "model");
    BaseImage.parse(step, value(parameters, BaseImage.PARAMETER, "scratch"));
  }

  /** Checks the keys, name, tag and model name; returns the tag. */
  private static String checked(String step, Map<String, String> parameters, String fallbackTag)
      throws ComponentException {
    UnknownKeysException.requireKnown(step, parameters, KNOWN, "parameter");
    String name = value(parameters, "image_name", DEFAULT_IMAGE_NAME);
    if (!ImageReference.isValidRepository(name)) {
      throw new ComponentException(
          step
              + ": parameter image_name '"
              + name
              + "' is not a valid image repository (lowercase letters, digits, '.', '_', '-', '/')");
    }
    String tag = value(parameters, "image_tag", defaultTag(fallbackTag));
    if (!ImageReference.isValidTag(tag)) {
      throw new ComponentException(
          step
              + ": parameter image_tag '"
              + tag
              + "' is not a valid tag (letters, digits, '_', '.', '-'; at most 128)");
    }
    String model = value(parameters, "model_name", DEFAULT_MODEL_NAME);
    if (!MODEL_NAME.matcher(model).matches()) {
      throw new ComponentException(
          step
              + ": parameter model_name '"
              + model
              + "' must be 1-128 letters, digits, '_', '.' or '-'");
    }
    return tag;
  }

  /** {@code name:tag}. */
  public String image() {
    return imageName + ":" + imageTag;
  }

  static String defaultTag(String fallback) {
    String tag = fallback.replaceAll("[^A-Za-z0-9_.-]", "-");
    tag = tag.isEmpty() || !Character.isLetterOrDigit(tag.charAt(0)) ? "r" + tag : tag;
    return tag.length() > 128 ? tag.substring(0, 128) : tag;
  }

  private static String value(Map<String, String> parameters, String key, String fallback) {
    String v = parameters.get(key);
    return v == null || v.isBlank() ? fallback : v.trim();
  }
}
