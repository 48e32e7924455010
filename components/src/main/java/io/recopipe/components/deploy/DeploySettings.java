package io.recopipe.components.deploy;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.UnknownKeysException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The deploy step's parameters with their defaults (stable port 8501 as TF Serving, model name
 * {@code recommender_model}, 3 smoke users, 60 s to get ready, the running JVM's java), parsed
 * once so a bad value fails before anything is started.
 *
 * @param enabled      false ⇒ record "not deployed" and do nothing else
 * @param port         the stable port
 * @param modelName    the model name in the URL
 * @param smokeUsers   how many known users to smoke-test
 * @param readyTimeout how long a new revision may take to get ready
 * @param java         the java binary that runs the image's app layers
 */
record DeploySettings(boolean enabled, int port, String modelName, int smokeUsers,
    Duration readyTimeout, String java) {

  /** The parameter names. */
  static final Set<String> KNOWN = Set.of("enabled", "port", "model_name", "smoke_users",
      "ready_timeout_seconds", "java", TargetDeploy.CANARY_PERCENT);

  static DeploySettings parse(String step, Map<String, String> parameters)
      throws ComponentException {
    UnknownKeysException.requireKnown(step, parameters, KNOWN, "parameter");
    TargetDeploy.canaryPercent(parameters.get(TargetDeploy.CANARY_PERCENT));
    String enabled = parameters.getOrDefault("enabled", "true").trim();
    if (!enabled.equals("true") && !enabled.equals("false")) {
      throw new ComponentException(step + ": enabled must be true or false, was '" + enabled
          + "'");
    }
    int port = integer(step, parameters, "port", 8501, 1, 65_535);
    String name = parameters.getOrDefault("model_name", "recommender_model").trim();
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      throw new ComponentException(step + ": model_name must be letters, digits, '_', '.' or"
          + " '-', was '" + name + "'");
    }
    int users = integer(step, parameters, "smoke_users", 3, 0, 1_000);
    int timeout = integer(step, parameters, "ready_timeout_seconds", 60, 1, 3_600);
    String java = parameters.getOrDefault("java",
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return new DeploySettings(Boolean.parseBoolean(enabled), port, name, users,
        Duration.ofSeconds(timeout), java);
  }

  private static int integer(String step, Map<String, String> parameters, String key,
      int fallback, int min, int max) throws ComponentException {
    String text = parameters.get(key);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ComponentException(step + ": " + key + " must be an integer in " + min + ".."
        + max + ", was '" + text + "'");
  }
}
