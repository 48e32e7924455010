package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process up to its first {@code /readyz} 200 loads only what readiness needs: neither
 * Netty's JFR events (unless asked for on the command line) nor its logging backend probe nor
 * Jackson's data binding, nor the JDK's logging, Logback's search for its configuration or a search
 * of the class path for services.
 */
class ServingMainTest {
  private static final String NETTY_EVENT = "io.netty.buffer.AllocateChunkEvent";
  private static final String MAPPER = "com.fasterxml.jackson.databind.ObjectMapper ";

  /** What Netty's probe for a logging backend loads first (the server names SLF4J instead). */
  private static final String NETTY_PROBE =
      "io.netty.util.internal.logging.Slf4JLoggerFactory$NopInstanceHolder ";

  /** Logback's search for configurators and configuration files. */
  private static final String LOGBACK_SEARCH = "ch.qos.logback.classic.util.ContextInitializer ";

  private static final String JDK_LOGGING = "java.util.logging.LogManager ";
  private static final String CLASS_PATH_SERVICES =
      "java.util.ServiceLoader$LazyClassPathLookupIterator ";

  @TempDir Path dir;

  @Test
  void readinessSkipsNettysJfrEventsLoggingAndServiceSearchesAndTheDataBindingMapper()
      throws Exception {
    String log = readyOnce("plain");
    assertFalse(log.contains(NETTY_EVENT), "Netty's JFR events were set up");
    assertFalse(log.contains(NETTY_PROBE), "Netty probed for a logging backend");
    assertFalse(log.contains(LOGBACK_SEARCH), "Logback searched for its configuration");
    assertFalse(log.contains(MAPPER), "the data-binding mapper was built before ready");
    assertFalse(log.contains(JDK_LOGGING), "the JDK's logging was set up");
    assertFalse(log.contains(CLASS_PATH_SERVICES), "the class path was searched for services");
  }

  @Test
  void nettysJfrEventsStayAvailableOnRequest() throws Exception {
    String log = readyOnce("jfr", "-D" + ServingMain.NETTY_JFR + "=true");
    assertTrue(log.contains(NETTY_EVENT), "the command line's setting was overridden");
  }

  /**
   * Starts the server as a process with class loading logged, waits for its state file, asks {@code
   * /readyz} once, stops it gracefully and returns its output.
   */
  private String readyOnce(String name, String... jvmFlags) throws Exception {
    TestBundles.write(dir, name, 5);
    Path state = dir.resolve(name + "-state.json");
    Path out = dir.resolve(name + ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-verbose:class"));
    command.addAll(List.of(jvmFlags));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ServingMain.class.getName(),
            "--bundle",
            dir.resolve(name).toString(),
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--admin-port",
            "0",
            "--state-file",
            state.toString(),
            "--no-access-log"));
    Process server =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      JsonNode ready = awaitState(server, state, out);
      HttpResponse<String> readyz =
          TestServer.send(
              "GET", "http://127.0.0.1:" + ready.path("port").asInt() + "/readyz", null);
      assertEquals(200, readyz.statusCode(), readyz.body());
      assertEquals("ready", TestServer.JSON.readTree(readyz.body()).path("status").asText());
      server.destroy(); // SIGTERM: a graceful stop
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server did not stop");
      assertTrue(
          Files.readString(out).contains("\"message\":\"stopped\""),
          "no graceful stop: " + Files.readString(out));
    } finally {
      server.destroyForcibly();
    }
    return Files.readString(out);
  }

  private static JsonNode awaitState(Process server, Path state, Path out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(state)) {
        return TestServer.JSON.readTree(state.toFile());
      }
      if (!server.isAlive()) {
        throw new AssertionError("the server exited: " + Files.readString(out));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no state file within 60 s: " + Files.readString(out));
  }
}
