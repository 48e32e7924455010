package io.recopipe.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.logging.LogProvider;
import io.recopipe.serving.admin.AdminJournal;
import io.recopipe.serving.http.Responses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Restarts a crashed {@link ServingMain} once, on the same ports, when it dies abnormally after it
 * was ready (a kill or a crash, not a graceful stop), journaling the restart; a second crash leaves
 * the revision down. This is what a platform such as Cloud Run does for a crashed instance, kept to
 * a tiny process that holds no model.
 *
 * <p>Usage: the same flags as {@link ServingMain}; exits with the server's last exit code. It
 * either starts the server as its child, or (with {@code -D}{@value
 * SupervisorLaunch#ADOPT_PROPERTY}{@code =PID}, as a ready server started with {@value
 * ServingOptions#SUPERVISE} launches it) adopts that running server, so its own start is not on the
 * server's path to ready. An adopted server is not its child and leaves no exit code: it counts as
 * stopped deliberately when it had marked its state file {@code "stopping": true} (a graceful stop
 * or SIGTERM), else as crashed.
 */
public final class Supervisor {
  /** The environment variable through which the server learns its supervisor's pid. */
  public static final String PID_ENV = "RECOPIPE_SUPERVISOR_PID";

  /** The system property holding the server's JVM flags (collector, heap), space-separated. */
  static final String CHILD_JVM_PROPERTY = "recopipe.serving.jvm";

  /** The JVM option naming a class-data-sharing archive, passed on to the server. */
  static final String SHARED_ARCHIVE = "-XX:SharedArchiveFile=";

  /** Exit codes of a deliberate stop: graceful (0) and SIGTERM (128 + 15). */
  private static final List<Integer> DELIBERATE = List.of(0, 143);

  /** The server process being supervised, for the shutdown hook. */
  private static volatile ProcessHandle current;

  private Supervisor() {}

  /** Supervises the server until it stops deliberately or has crashed twice. */
  public static void main(String[] args) throws Exception {
    String adopted = System.getProperty(SupervisorLaunch.ADOPT_PROPERTY);
    if (adopted != null) {
      current = ProcessHandle.of(Long.parseLong(adopted)).orElse(null);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(Supervisor::stopChild, "supervisor-stop"));
    ServingOptions options;
    try {
      options = ServingOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      LogProvider.useJson(); // logging is set up only to say this
      LoggerFactory.getLogger(Supervisor.class).error("bad arguments: " + e.getMessage());
      System.exit(2);
      return;
    }
    long pid;
    int code;
    JsonNode state;
    if (adopted == null) {
      Process child = start(args, List.of());
      current = child.toHandle();
      code = child.waitFor();
      pid = child.pid();
      state = readyState(options.stateFile(), pid);
      if (DELIBERATE.contains(code) || state == null) {
        System.exit(code);
        return;
      }
    } else {
      pid = Long.parseLong(adopted);
      ProcessHandle server = current;
      if (server != null) {
        server.onExit().join();
      }
      state = readyState(options.stateFile(), pid);
      if (state == null || state.path("stopping").asBoolean()) {
        System.exit(0);
        return;
      }
      code = -1;
    }
    restartOnce(args, options, state, pid, code);
  }

  /** Restarts the crashed server {@code pid} once on its ports; exits with the restart's code. */
  private static void restartOnce(
      String[] args, ServingOptions options, JsonNode state, long pid, int code) throws Exception {
    AdminJournal journal = new AdminJournal(options.journal());
    String version = state.path("model_version").asText(null);
    Map<String, Object> details =
        code < 0
            ? Map.of("pid", pid, "restarts_left", 0, "reason", "ended without a graceful stop")
            : Map.of("exit_code", code, "pid", pid, "restarts_left", 0);
    journal.append("restart", "accepted", version, version, "supervisor", details);
    Process child = start(args, samePorts(state));
    current = child.toHandle();
    int again = child.waitFor();
    if (!DELIBERATE.contains(again)) {
      journal.append(
          "down",
          "accepted",
          version,
          null,
          "supervisor",
          Map.of(
              "exit_code",
              again,
              "pid",
              child.pid(),
              "reason",
              "crashed again after one restart; left down"));
    }
    System.exit(again);
  }

  /** Stops the server being supervised (child or adopted) when the supervisor is stopped. */
  private static void stopChild() {
    ProcessHandle server = current;
    if (server != null && server.isAlive()) {
      server.destroy();
      server.onExit().join();
    }
  }

  /** The flags that put a restarted server on the ports its predecessor had. */
  private static List<String> samePorts(JsonNode state) {
    List<String> flags =
        new ArrayList<>(
            List.of(
                "--port",
                state.path("port").asText(),
                "--admin-port",
                state.path("admin_port").asText()));
    for (JsonNode port : state.path("ports")) {
      if (port.asInt() != state.path("port").asInt()) {
        flags.addAll(List.of("--listen", port.asText()));
      }
    }
    return flags;
  }

  /** The state file, if the child with {@code pid} wrote it (i.e. it had become ready). */
  private static JsonNode readyState(Path file, long pid) {
    if (file == null || !Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode state = Responses.mapper().readTree(file.toFile());
      return state.path("pid").asLong() == pid ? state : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Process start(String[] args, List<String> extra) throws IOException {
    List<String> command =
        new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    // The server shares the supervisor's class-data archive (same JVM and class path), if any.
    for (String arg : ProcessHandle.current().info().arguments().orElse(new String[0])) {
      if (arg.startsWith(SHARED_ARCHIVE) || arg.startsWith("-Xshare:")) {
        command.add(arg);
      }
    }
    command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
    // the server's collector and heap, chosen by the deploy for the cores and memory it gets
    for (String flag : System.getProperty(CHILD_JVM_PROPERTY, "").split(" ")) {
      if (!flag.isBlank()) {
        command.add(flag);
      }
    }
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), ServingMain.class.getName()));
    command.addAll(List.of(args));
    command.addAll(extra);
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put(PID_ENV, String.valueOf(ProcessHandle.current().pid()));
    return builder.start();
  }
}
