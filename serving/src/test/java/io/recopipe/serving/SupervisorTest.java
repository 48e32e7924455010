package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started with {@code --supervise} (real JVMs, as the local deploy runs them) is ready
 * before its supervisor exists, then restarted once on its port when it is killed, and never
 * restarted after a graceful stop.
 */
class SupervisorTest {
  @TempDir Path dir;

  @Test
  void aKilledServerIsRestartedOnceOnItsPortByTheSupervisorItStarted() throws Exception {
    Process server = launch("a");
    try {
      JsonNode first = awaitState(server.pid(), 0);
      long supervisor = awaitState(server.pid(), 1).path("supervisor_pid").asLong();
      assertTrue(ProcessHandle.of(supervisor).isPresent(), "the supervisor runs");
      assertEquals(
          server.pid(),
          ProcessHandle.of(supervisor).orElseThrow().parent().orElseThrow().pid(),
          "the ready server started its supervisor");

      server.destroyForcibly();
      JsonNode restarted = awaitNewPid(server.pid());
      assertEquals(first.path("port").asInt(), restarted.path("port").asInt());
      assertEquals(supervisor, restarted.path("supervisor_pid").asLong());
      assertEquals(
          200,
          TestServer.send(
                  "GET", "http://127.0.0.1:" + restarted.path("port").asInt() + "/readyz", null)
              .statusCode());
      List<String> journal = Files.readAllLines(dir.resolve("journal.jsonl"));
      assertEquals(1, journal.size(), journal.toString());
      assertTrue(journal.get(0).contains("\"restart\""), journal.get(0));

      ProcessHandle again = ProcessHandle.of(restarted.path("pid").asLong()).orElseThrow();
      again.destroy(); // SIGTERM: a deliberate stop
      again.onExit().get(30, TimeUnit.SECONDS);
      ProcessHandle.of(supervisor).ifPresent(h -> h.onExit().join());
      assertEquals(
          1,
          Files.readAllLines(dir.resolve("journal.jsonl")).size(),
          "a deliberate stop is not journaled as a crash");
    } finally {
      stopAll(server);
    }
  }

  @Test
  void aGracefullyStoppedServerIsNotRestarted() throws Exception {
    Process server = launch("b");
    try {
      long supervisor = awaitState(server.pid(), 1).path("supervisor_pid").asLong();
      server.destroy(); // SIGTERM: graceful stop, the state file says so
      assertTrue(server.waitFor(30, TimeUnit.SECONDS));
      ProcessHandle.of(supervisor).ifPresent(h -> h.onExit().join());
      JsonNode state = TestServer.JSON.readTree(dir.resolve("state.json").toFile());
      assertEquals(server.pid(), state.path("pid").asLong(), "no restarted server");
      assertTrue(state.path("stopping").asBoolean(), state.toString());
      assertFalse(Files.exists(dir.resolve("journal.jsonl")), "nothing journaled");
    } finally {
      stopAll(server);
    }
  }

  private Process launch(String name) throws Exception {
    TestBundles.write(dir, name, 7);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
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
                dir.resolve("state.json").toString(),
                "--journal",
                dir.resolve("journal.jsonl").toString(),
                "--reuse-port",
                "--no-access-log",
                ServingOptions.SUPERVISE));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile())
        .start();
  }

  /** The state file of {@code pid} once it has at least {@code fields} of its supervisor. */
  private JsonNode awaitState(long pid, int supervisorFields) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      JsonNode state = readState();
      if (state != null
          && state.path("pid").asLong() == pid
          && (supervisorFields == 0 || state.has("supervisor_pid"))) {
        return state;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "no state for pid "
            + pid
            + ": "
            + Files.readString(dir.resolve(dir.toFile().list((d, n) -> n.endsWith(".log"))[0])));
  }

  private JsonNode awaitNewPid(long old) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      JsonNode state = readState();
      if (state != null && state.path("pid").asLong() != old) {
        return state;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the killed server was not restarted within 60 s");
  }

  private JsonNode readState() {
    try {
      return TestServer.JSON.readTree(dir.resolve("state.json").toFile());
    } catch (java.io.IOException e) {
      return null; // not written yet
    }
  }

  private void stopAll(Process server) {
    JsonNode state = readState();
    if (state != null) {
      assertNotEquals(0, state.path("pid").asLong());
      ProcessHandle.of(state.path("supervisor_pid").asLong()).ifPresent(ProcessHandle::destroy);
      ProcessHandle.of(state.path("pid").asLong()).ifPresent(ProcessHandle::destroy);
    }
    server.destroyForcibly();
  }
}
