package io.recopipe.pipeline.kfp;

import io.recopipe.pipeline.config.StepParameterView;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names pipeline parameters the way KFP accepts them: a config key {@code train.num_factors}
 * becomes the root parameter {@code train__num_factors}, reaching step {@code train} as {@code
 * num_factors}, by the same scoping rule as the local runner ({@link StepParameterView}).
 */
final class ParameterNames {
  private static final String PROMOTION = "promotion.";

  private ParameterNames() {}

  /** The root parameter name of config key {@code key}: dots become {@code __}. */
  static String rootName(String key) {
    return key.replace(".", "__").replaceAll("[^A-Za-z0-9_]", "_");
  }

  /** A component's input parameter name for the scoped key {@code name}. */
  static String componentName(String name) {
    return rootName(name);
  }

  /**
   * Step {@code step}'s parameters: scoped name (as the component reads it) → the config key it
   * comes from, sorted by scoped name; global keys (no dot) reach every step, a step-prefixed key
   * overrides a global one, and the runner's own {@code STEP.cache} is left out. The {@value
   * RegisterComponent#NAME} task also reads the {@code promotion} section, under the keys' own
   * names.
   */
  static Map<String, String> ofStep(String step, Map<String, String> runParameters) {
    Map<String, String> sources = new TreeMap<>();
    runParameters.keySet().stream().filter(k -> k.indexOf('.') < 0).forEach(k -> sources.put(k, k));
    String prefix = step + ".";
    for (String key : runParameters.keySet()) {
      if (key.startsWith(prefix)
          && key.length() > prefix.length()
          && !key.equals(prefix + StepParameterView.CACHE)) {
        sources.put(key.substring(prefix.length()), key);
      }
    }
    if (RegisterComponent.isRegisterTask(step)) {
      runParameters.keySet().stream()
          .filter(k -> k.startsWith(PROMOTION))
          .forEach(k -> sources.put(k, k));
    }
    return sources;
  }
}
