package io.recopipe.components.deploy;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.UnknownKeysException;
import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionReader;
import io.recopipe.model.options.OptionType;
import io.recopipe.model.options.Range;
import io.recopipe.model.options.Wording;
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
 * {@code recommender_model}, 3 smoke users, 60 s to get ready, the running JVM's java), declared
 * once as {@link Option}s and read by the shared {@link OptionReader}, so a bad value fails before
 * anything is started.
 *
 * @param enabled false ⇒ record "not deployed" and do nothing else
 * @param port the stable port
 * @param modelName the model name in the URL
 * @param smokeUsers how many known users to smoke-test
 * @param readyTimeout how long a new revision may take to get ready
 * @param java the java binary that runs the image's app layers
 * @param host the address the public ports bind to (127.0.0.1: this machine only)
 * @param canaryPercent the share of traffic a remote target's new revision gets first (0: all)
 */
record DeploySettings(
    boolean enabled,
    int port,
    String modelName,
    int smokeUsers,
    Duration readyTimeout,
    String java,
    String host,
    int canaryPercent) {

  /** The default bind address: loopback, so nothing outside this machine reaches the model. */
  static final String LOOPBACK = "127.0.0.1";

  private static final Pattern HOSTNAME =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4 = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET);
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  static final Option<Boolean> ENABLED =
      Option.of("enabled", OptionType.BOOLEAN, true, "false: record not deployed, nothing else");
  static final Option<Integer> PORT =
      Option.of("port", OptionType.INTEGER, 8501, "the stable port").in(Range.closed(1, 65_535));
  static final Option<String> MODEL_NAME =
      Option.of(
          "model_name",
          OptionType.choice(
              "letters, digits, '_', '.' or '-'", DeploySettings::modelName, name -> name),
          "recommender_model",
          "the model name in the URL");
  static final Option<Integer> SMOKE_USERS =
      Option.of("smoke_users", OptionType.INTEGER, 3, "known users to smoke-test")
          .in(Range.closed(0, 1_000));
  static final Option<Integer> READY_TIMEOUT_SECONDS =
      Option.of(
              "ready_timeout_seconds",
              OptionType.INTEGER,
              60,
              "how long a new revision may take to get ready")
          .in(Range.closed(1, 3_600));
  static final Option<String> JAVA =
      Option.computed(
          "java",
          OptionType.text("a path"),
          () -> Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "the java binary that runs the image's app layers");
  static final Option<Integer> CANARY_PERCENT =
      Option.of(
              "canary_percent",
              OptionType.INTEGER,
              0,
              "the share of traffic a remote target's new revision gets first")
          .in(Range.closed(0, 99));

  /** The parameter names. */
  static final Set<String> KNOWN =
      Set.of(
          ENABLED.name(),
          PORT.name(),
          MODEL_NAME.name(),
          SMOKE_USERS.name(),
          READY_TIMEOUT_SECONDS.name(),
          JAVA.name(),
          "host",
          CANARY_PERCENT.name());

  static DeploySettings parse(String step, Map<String, String> parameters)
      throws ComponentException {
    UnknownKeysException.requireKnown(step, parameters, KNOWN, "parameter");
    OptionReader reader =
        OptionReader.of(parameters, Wording.mustBe(step + ": "), OptionReader.Text.TRIMMED);
    int canary = unlessBlank(reader, CANARY_PERCENT);
    boolean enabled = reader.get(ENABLED);
    int port = unlessBlank(reader, PORT);
    String name = reader.get(MODEL_NAME);
    int users = unlessBlank(reader, SMOKE_USERS);
    int timeout = unlessBlank(reader, READY_TIMEOUT_SECONDS);
    String java = reader.get(JAVA);
    String host = LOOPBACK;
    try {
      host = host(step, reader.text("host").orElse(null));
    } catch (ComponentException e) {
      reader.problem(e.getMessage());
    }
    reader.failOnFirst(ComponentException::new);
    return new DeploySettings(
        enabled, port, name, users, Duration.ofSeconds(timeout), java, host, canary);
  }

  /** The value of {@code option}, whose default a blank value also asks for. */
  private static <T> T unlessBlank(OptionReader reader, Option<T> option) {
    return reader
        .text(option.name())
        .filter(text -> !text.isEmpty())
        .flatMap(text -> reader.read(option, text))
        .orElseGet(option::defaultValue);
  }

  private static String modelName(String text) {
    if (!text.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException(text);
    }
    return text;
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
}
