package io.recopipe.components.deploy;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.UnknownKeysException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The deploy step's parameters with their defaults (stable port 8501 as TF Serving, model name
 * {@code recommender_model}, 3 smoke users, 60 s to get ready, the running JVM's java), parsed once
 * so a bad value fails before anything is started.
 *
 * @param enabled false ⇒ record "not deployed" and do nothing else
 * @param port the stable port
 * @param modelName the model name in the URL
 * @param smokeUsers how many known users to smoke-test
 * @param readyTimeout how long a new revision may take to get ready
 * @param java the java binary that runs the image's app layers
 * @param host the address the public ports bind to (127.0.0.1: this machine only)
 */
record DeploySettings(
    boolean enabled,
    int port,
    String modelName,
    int smokeUsers,
    Duration readyTimeout,
    String java,
    String host) {

  /** The default bind address: loopback, so nothing outside this machine reaches the model. */
  static final String LOOPBACK = "127.0.0.1";

  private static final Pattern HOSTNAME =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4 = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET);
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  /** The parameter names. */
  static final Set<String> KNOWN =
      Set.of(
          "enabled",
          "port",
          "model_name",
          "smoke_users",
          "ready_timeout_seconds",
          "java",
          "host",
          TargetDeploy.CANARY_PERCENT);

  static DeploySettings parse(String step, Map<String, String> parameters)
      throws ComponentException {
    UnknownKeysException.requireKnown(step, parameters, KNOWN, "parameter");
    TargetDeploy.canaryPercent(parameters.get(TargetDeploy.CANARY_PERCENT));
    String enabled = parameters.getOrDefault("enabled", "true").trim();
    if (!enabled.equals("true") && !enabled.equals("false")) {
      throw new ComponentException(step + ": enabled must be true or false, was '" + enabled + "'");
    }
    int port = integer(step, parameters, "port", 8501, 1, 65_535);
    String name = parameters.getOrDefault("model_name", "recommender_model").trim();
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      throw new ComponentException(
          step + ": model_name must be letters, digits, '_', '.' or" + " '-', was '" + name + "'");
    }
    int users = integer(step, parameters, "smoke_users", 3, 0, 1_000);
    int timeout = integer(step, parameters, "ready_timeout_seconds", 60, 1, 3_600);
    String java =
        parameters.getOrDefault(
            "java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return new DeploySettings(
        Boolean.parseBoolean(enabled),
        port,
        name,
        users,
        Duration.ofSeconds(timeout),
        java,
        host(step, parameters.get("host")));
  }

  /** An IP literal or a hostname, checked without any DNS lookup. */
  static String host(String step, String text) throws ComponentException {
    if (text == null || text.isBlank()) {
      return LOOPBACK;
    }
    String host = text.trim();
    boolean digitsAndDots = host.matches("[0-9.]+");
    boolean valid =
        digitsAndDots
            ? IPV4.matcher(host).matches()
            : IPV6.matcher(host).matches() ? ipv6(host) : HOSTNAME.matcher(host).matches();
    if (!valid) {
      throw new ComponentException(
          step + ": host must be an IP address or a hostname, was '" + escape(host) + "'");
    }
    return host;
  }

  private static boolean ipv6(String host) {
    try {
      return InetAddress.getByName(host) instanceof Inet6Address;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : c);
    }
    return out.toString();
  }

  private static int integer(
      String step, Map<String, String> parameters, String key, int fallback, int min, int max)
      throws ComponentException {
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
    throw new ComponentException(
        step + ": " + key + " must be an integer in " + min + ".." + max + ", was '" + text + "'");
  }
}
