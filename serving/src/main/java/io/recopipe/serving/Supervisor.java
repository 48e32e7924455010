package io.recopipe.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.serving.admin.AdminJournal;
import io.recopipe.serving.http.Responses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link ServingMain} as a child and restarts it once, on the same ports, when it dies
 * abnormally after it was ready (a kill or a crash, not a graceful stop), journaling the restart;
 * a second crash leaves the revision down. This is what a platform such as Cloud Run does for a
 * crashed instance, kept to a tiny process that holds no model.
 *
 * <p>Usage: the same flags as {@link ServingMain}; exits with the server's last exit code.
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
  private static volatile Process current;

  private Supervisor() {
  }

  /** Supervises the server until it stops deliberately or has crashed twice. */
  public static void main(String[] args) throws Exception {
    ServingOptions options;
    try {
      options = ServingOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.out.println("{\"severity\":\"ERROR\",\"message\":\"bad arguments: "
          + e.getMessage().replace("\"", "'") + "\"}");
      System.exit(2);
      return;
    }
    AdminJournal journal = new AdminJournal(options.journal());
    Runtime.getRuntime().addShutdownHook(new Thread(Supervisor::stopChild, "supervisor-stop"));
    Process child = start(args, List.of());
    current = child;
    int code = child.waitFor();
    JsonNode state = readyState(options.stateFile(), child.pid());
    if (DELIBERATE.contains(code) || state == null) {
      System.exit(code);
      return;
    }
    String version = state.path("model_version").asText(null);
    List<String> again = samePorts(state);
    journal.append("restart", "accepted", version, version, "supervisor",
        Map.of("exit_code", code, "pid", child.pid(), "restarts_left", 0));
    child = start(args, again);
    current = child;
    code = child.waitFor();
    if (!DELIBERATE.contains(code)) {
      journal.append("down", "accepted", version, null, "supervisor",
          Map.of("exit_code", code, "pid", child.pid(),
              "reason", "crashed again after one restart; left down"));
    }
    System.exit(code);
  }

  private static void stopChild() {
    Process child = current;
    if (child != null && child.isAlive()) {
      child.destroy();
      try {
        child.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The flags that put a restarted server on the ports its predecessor had. */
  private static List<String> samePorts(JsonNode state) {
    List<String> flags = new ArrayList<>(List.of("--port", state.path("port").asText(),
        "--admin-port", state.path("admin_port").asText()));
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
      JsonNode state = Responses.MAPPER.readTree(file.toFile());
      return state.path("pid").asLong() == pid ? state : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Process start(String[] args, List<String> extra) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java")));
    // The server shares the supervisor's class-data archive (same JVM and class path), if any.
    for (String arg : ProcessHandle.current().info().arguments().orElse(new String[0])) {
      if (arg.startsWith(SHARED_ARCHIVE)) {
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
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        ServingMain.class.getName()));
    command.addAll(List.of(args));
    command.addAll(extra);
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put(PID_ENV, String.valueOf(ProcessHandle.current().pid()));
    return builder.start();
  }
}
