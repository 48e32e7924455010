package io.recopipe.serving;

import io.recopipe.model.error.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The serving process's command-line flags (see issue4-contracts.md), parsed by hand so the
 * container's entrypoint needs no CLI library and starts fast.
 *
 * @param bundle the model bundle directory to load at start-up
 * @param host the public bind address
 * @param port the public port, 0 for an ephemeral one
 * @param modelName the model name in {@code /v1/models/{name}}
 * @param adminPort the loopback admin port, 0 for an ephemeral one
 * @param stateFile where to write the ready state, or null
 * @param reusePort whether the public connector sets SO_REUSEPORT
 * @param maxInstances the most instances one predict request may carry
 * @param maxBodyBytes the largest request body accepted
 * @param accessLog whether every request is logged as a JSON line
 * @param threads the most event loops the public server runs (each reads, scores and answers its
 *     connections' requests); it runs one per available core, fewer when this is lower; 0 = one per
 *     core
 * @param workers the threads that score {@code :predict} batches (more than one instance) off the
 *     event loops (default: one per available core; 0 scores them on the event loop too); single
 *     instances are always scored on the loop
 * @param adminSecret the owner-only file holding the admin API's bearer secret, or null (then every
 *     admin request is refused)
 * @param journal where admin actions are appended as JSON lines, or null
 * @param listen extra public ports to listen on at start (SO_REUSEPORT), as a restarted revision
 *     takes back the stable port it had
 * @param supervise whether to start the restart supervisor once ready ({@link Supervisor} watching
 *     this process), as the local deploy does: it starts after the server is ready, so it is never
 *     part of a cold start
 */
public record ServingOptions(
    Path bundle,
    String host,
    int port,
    String modelName,
    int adminPort,
    Path stateFile,
    boolean reusePort,
    int maxInstances,
    int maxBodyBytes,
    boolean accessLog,
    int threads,
    int workers,
    Path adminSecret,
    Path journal,
    List<Integer> listen,
    boolean supervise) {

  /** The default model name, as in the seed client's endpoint. */
  public static final String DEFAULT_MODEL_NAME = "recommender_model";

  /** The flag that makes a ready server start its restart supervisor. */
  public static final String SUPERVISE = "--supervise";

  /** The environment variable giving the default of {@code --threads} (set by the deploy). */
  public static final String THREADS_ENV = "RECOPIPE_SERVING_THREADS";

  /** The environment variable giving the default of {@code --workers} (set by the deploy). */
  public static final String WORKERS_ENV = "RECOPIPE_SERVING_WORKERS";

  /**
   * Parses {@code args}; the default port is {@code PORT} from {@code env}, else 8080, and the
   * default threads {@value #THREADS_ENV}, else 0.
   */
  public static ServingOptions parse(String[] args, Map<String, String> env) {
    Path bundle = null;
    String host = "0.0.0.0";
    String envPort = env.get("PORT");
    int port = envPort == null || envPort.isBlank() ? 8080 : intValue("PORT", envPort, 0);
    String modelName = DEFAULT_MODEL_NAME;
    int adminPort = 0;
    Path stateFile = null;
    boolean reusePort = false;
    int maxInstances = 1000;
    int maxBodyBytes = 1 << 20;
    boolean accessLog = true;
    String envThreads = env.get(THREADS_ENV);
    int threads =
        envThreads == null || envThreads.isBlank() ? 0 : intValue(THREADS_ENV, envThreads, 0);
    String envWorkers = env.get(WORKERS_ENV);
    int workers =
        envWorkers == null || envWorkers.isBlank()
            ? Runtime.getRuntime().availableProcessors()
            : intValue(WORKERS_ENV, envWorkers, 0);
    Path adminSecret = null;
    Path journal = null;
    List<Integer> listen = new ArrayList<>();
    boolean supervise = false;
    for (int n = 0; n < args.length; n++) {
      String flag = args[n];
      switch (flag) {
        case "--reuse-port" -> reusePort = true;
        case "--no-access-log" -> accessLog = false;
        case SUPERVISE -> supervise = true;
        case "--bundle" -> bundle = Path.of(value(args, ++n, flag));
        case "--host" -> host = value(args, ++n, flag);
        case "--port" -> port = intValue(flag, value(args, ++n, flag), 0);
        case "--model-name" -> modelName = value(args, ++n, flag);
        case "--admin-port" -> adminPort = intValue(flag, value(args, ++n, flag), 0);
        case "--state-file" -> stateFile = Path.of(value(args, ++n, flag));
        case "--max-instances" -> maxInstances = intValue(flag, value(args, ++n, flag), 1);
        case "--threads" -> threads = intValue(flag, value(args, ++n, flag), 0);
        case "--workers" -> workers = intValue(flag, value(args, ++n, flag), 0);
        case "--admin-secret-file" -> adminSecret = Path.of(value(args, ++n, flag));
        case "--journal" -> journal = Path.of(value(args, ++n, flag));
        case "--listen" -> listen.add(intValue(flag, value(args, ++n, flag), 1));
        case "--max-body-bytes" -> maxBodyBytes = intValue(flag, value(args, ++n, flag), 1);
        default -> throw new InvalidInputException("unknown flag " + flag);
      }
    }
    if (bundle == null) {
      throw new InvalidInputException("--bundle DIR is required");
    }
    if (port > 65535 || adminPort > 65535 || listen.stream().anyMatch(p -> p > 65535)) {
      throw new InvalidInputException("ports must be 0..65535");
    }
    if (modelName.isBlank() || modelName.contains("/") || modelName.contains(":")) {
      throw new InvalidInputException("--model-name must be a plain name, was '" + modelName + "'");
    }
    return new ServingOptions(
        bundle,
        host,
        port,
        modelName,
        adminPort,
        stateFile,
        reusePort,
        maxInstances,
        maxBodyBytes,
        accessLog,
        threads,
        workers,
        adminSecret,
        journal,
        List.copyOf(listen),
        supervise);
  }

  /** Whether the public listener is bound to a loopback address only. */
  public boolean loopbackOnly() {
    return Loopback.is(host);
  }

  private static String value(String[] args, int n, String flag) {
    if (n >= args.length) {
      throw new InvalidInputException(flag + " needs a value");
    }
    return args[n];
  }

  private static int intValue(String flag, String text, int min) {
    try {
      int value = Integer.parseInt(text.trim());
      if (value < min) {
        throw new InvalidInputException(flag + " must be >= " + min + ", was " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(flag + " must be an integer, was '" + text + "'", e);
    }
  }
}
