package io.recopipe.pipeline.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.deploy.EndpointRegistry;
import io.recopipe.components.deploy.Revision;
import io.recopipe.pipeline.cli.CliRunner;
import io.recopipe.pipeline.testing.FastConfig;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local endpoint's control plane with real serving processes deployed by real runs: loopback
 * binding, the admin secret, an out-of-band swap that is audited and shown as drift, a killed
 * process restarted once and then shown down, and old revision directories removed.
 */
class EndpointControlIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path dir;

  private Path home() {
    return dir.resolve("home");
  }

  @AfterEach
  void undeploy() {
    CliRunner.run("undeploy", "--home", home().toString());
  }

  @Test
  void fiveDeploysKeepThreeDirectoriesAndAnOutOfBandSwapIsAuditedAsDrift() throws Exception {
    int port = freePort();
    Path config = config(port);
    for (int iterations = 5; iterations <= 9; iterations++) {
      run(config, "train.max_iterations=" + iterations);
    }
    EndpointRegistry registry = EndpointRegistry.load(home().resolve("serving"));
    assertEquals(5, registry.revisions().size(), "every revision stays in the registry");
    try (Stream<Path> dirs = Files.list(home().resolve("serving/revisions"))) {
      assertTrue(dirs.count() <= 3, "at most 3 revision directories remain");
    }
    Revision serving = registry.serving().orElseThrow();
    Path servingDir = EndpointRegistry.revisionDir(registry.serviceDir(), serving.revision());
    Path secretFile = servingDir.resolve("admin.secret");
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));
    assertFalse(
        ProcessHandle.of(serving.pid())
            .flatMap(p -> p.info().commandLine())
            .orElse("")
            .contains(Files.readString(secretFile)),
        "the secret is not on a command line");
    assertRefusedFromOtherAddresses(port);

    Revision older = registry.revisions().get(3);
    Path otherBundle =
        EndpointRegistry.revisionDir(registry.serviceDir(), older.revision())
            .resolve("rootfs/model");
    String swap = "{\"bundle\":\"" + otherBundle + "\"}";
    String adminSwap = "http://127.0.0.1:" + serving.adminPort() + "/admin/swap";
    assertEquals(401, post(adminSwap, swap, null).statusCode(), "no secret, no swap");
    assertEquals(serving.modelVersion(), version(port));
    HttpResponse<String> swapped =
        post(adminSwap, swap, "Bearer " + Files.readString(secretFile).strip());
    assertEquals(200, swapped.statusCode(), swapped.body());
    assertEquals(older.modelVersion(), version(port), "the out-of-band swap took effect");

    String drift =
        "DRIFT: serving " + older.modelVersion() + ", registry says " + serving.modelVersion();
    CliRunner.Result endpoints = cli("endpoints");
    assertTrue(endpoints.out().contains(drift), endpoints.out());
    CliRunner.Result models = cli("models", "list");
    assertTrue(models.out().contains(drift), models.out());
    assertTrue(
        models.out().lines().anyMatch(l -> l.matches("\\s*4 \\|.*serving.*")),
        "v4 is marked serving:\n" + models.out());
    cli("endpoints");
    CliRunner.Result audit = cli("audit", "list");
    assertEquals(1, count(audit.out(), "endpoint.swap"), audit.out());
    assertEquals(1, count(audit.out(), "endpoint.refused"), audit.out());
    assertTrue(audit.out().contains("admin-api:" + serving.revision()), audit.out());
    assertTrue(count(audit.out(), "endpoint.listen") >= 5, audit.out());
    assertTrue(count(audit.out(), "endpoint.stop") >= 4, audit.out());
    assertEquals(0, cli("audit", "verify").code());
  }

  @Test
  void aKilledRevisionRestartsOnceAndThenShowsDown() throws Exception {
    int port = freePort();
    run(config(port), "train.max_iterations=5");
    Path serviceDir = home().resolve("serving");
    Revision first = EndpointRegistry.load(serviceDir).serving().orElseThrow();
    String predict = "http://127.0.0.1:" + port + "/v1/models/recommender_model:predict";

    ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
    long restarted = awaitNewPid(serviceDir, first.pid());
    assertEquals(200, post(predict, "{\"instances\":[{\"user_id\":1}]}", null).statusCode());
    Revision again = EndpointRegistry.load(serviceDir).serving().orElseThrow();
    assertEquals(restarted, again.pid());
    assertEquals(first.port(), again.port(), "the restart keeps the revision's port");
    CliRunner.Result up = cli("endpoints");
    assertTrue(up.out().contains("serving: http://127.0.0.1:" + port), up.out());
    assertTrue(cli("audit", "list").out().contains("endpoint.restart"));

    ProcessHandle process = ProcessHandle.of(restarted).orElseThrow();
    process.destroyForcibly();
    process.onExit().get();
    Thread.sleep(1500);
    assertThrows(IOException.class, () -> post(predict, "{\"instances\":[{\"user_id\":1}]}", null));
    CliRunner.Result down = cli("endpoints");
    assertTrue(down.out().contains("down: revision " + first.revision()), down.out());
    assertTrue(
        down.out().lines().anyMatch(l -> l.startsWith(first.revision()) && l.contains(" down ")),
        down.out());
    CliRunner.Result models = cli("models", "list");
    assertFalse(models.out().contains("serving"), models.out());
    assertTrue(models.out().contains("champion, down"), models.out());
    CliRunner.Result audit = cli("audit", "list");
    assertEquals(1, count(audit.out(), "endpoint.restart"), audit.out());
    assertEquals(1, count(audit.out(), "endpoint.down"), audit.out());
  }

  private Path config(int port) throws IOException {
    return Files.writeString(
        dir.resolve("c.yaml"),
        FastConfig.deploying(port, "auto")
            .replace("max_regression_abs: 0.01", "max_regression_abs: 5.0"));
  }

  private void run(Path config, String set) {
    CliRunner.Result result =
        CliRunner.run(
            "run", "--home", home().toString(), "--config", config.toString(), "--set", set);
    assertEquals(0, result.code(), result.transcript());
  }

  private CliRunner.Result cli(String... args) {
    String[] all =
        Stream.concat(Stream.of(args), Stream.of("--home", home().toString()))
            .toArray(String[]::new);
    CliRunner.Result result = CliRunner.run(all);
    assertEquals(0, result.code(), result.transcript());
    return result;
  }

  private static long awaitNewPid(Path serviceDir, long old) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      Revision r = EndpointRegistry.load(serviceDir).serving().orElseThrow();
      if (r.pid() != old && r.alive()) {
        try {
          if (version(r.port()) != null) {
            return r.pid();
          }
        } catch (IOException e) {
          // still starting
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the killed revision was not restarted within 60 s");
  }

  private static void assertRefusedFromOtherAddresses(int port) throws IOException {
    InetAddress other = null;
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (!address.isLoopbackAddress() && address instanceof Inet4Address) {
          other = address;
        }
      }
    }
    if (other == null) {
      System.out.println("skipping the non-loopback check: no other IPv4 address here");
      return;
    }
    InetAddress target = other;
    assertThrows(
        IOException.class,
        () -> {
          try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target, port), 2000);
          }
        },
        "the stable port answers on " + other);
  }

  private static int count(String text, String word) {
    return (int) text.lines().filter(l -> l.contains(word)).count();
  }

  private static String version(int port) throws Exception {
    HttpResponse<String> status =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v1/models/recommender_model"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, status.statusCode(), status.body());
    String body = status.body();
    int at = body.indexOf("\"version\":\"") + 11;
    return body.substring(at, body.indexOf('"', at));
  }

  private static HttpResponse<String> post(String url, String body, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
