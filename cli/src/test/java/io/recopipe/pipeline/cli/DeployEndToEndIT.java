package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.RolledBackException;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.api.StepLog;
import io.recopipe.components.deploy.DeployComponent;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunHistory;
import io.recopipe.pipeline.testing.TestRunners;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop with the real serving process: a run deploys a live endpoint that answers the
 * seed's request; a second run hands the stable port over while a client keeps calling it, with
 * zero failed requests; a deploy whose image does not match its model rolls back and the serving
 * revision keeps answering.
 */
class DeployEndToEndIT {
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
  void deploysHandsOverUnderLoadAndRollsBackABrokenRevision() throws Exception {
    int port = freePort();
    Path config = dir.resolve("c.yaml");
    Files.writeString(
        config,
        RunCommandTest.FAST_CONFIG.replace("enabled: false", "enabled: true\n  port: " + port));
    String predict = "http://127.0.0.1:" + port + "/v1/models/recommender_model:predict";

    CliRunner.Result first =
        CliRunner.run("run", "--home", home().toString(), "--config", config.toString());
    assertEquals(ExitCodes.OK, first.code(), first.out() + first.err());
    assertTrue(first.out().contains("endpoint: " + predict), first.out());
    HttpResponse<String> seed = post(predict, "{\"instances\": [{\"user_id\": 1}]}");
    assertEquals(200, seed.statusCode(), seed.body());
    assertTrue(seed.body().startsWith("{\"predictions\":[{\"predicted_rating\":["), seed.body());
    assertTrue(seed.body().contains("\"predicted_item_id\":[\""), seed.body());
    String firstVersion = version(port);

    AtomicBoolean polling = new AtomicBoolean(true);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Thread client =
        new Thread(
            () -> {
              while (polling.get()) {
                try {
                  if (post(predict, "{\"instances\": [{\"user_id\": 2}]}").statusCode() == 200) {
                    ok.incrementAndGet();
                  } else {
                    failed.incrementAndGet();
                  }
                } catch (Exception e) {
                  failed.incrementAndGet();
                }
              }
            });
    client.start();
    CliRunner.Result second =
        CliRunner.run(
            "run",
            "--home",
            home().toString(),
            "--config",
            config.toString(),
            "--set",
            "train.max_iterations=7");
    polling.set(false);
    client.join();
    assertEquals(ExitCodes.OK, second.code(), second.out() + second.err());
    assertEquals(0, failed.get(), "failed requests during the handover (ok: " + ok.get() + ")");
    assertTrue(ok.get() > 10, "the client kept calling: " + ok.get());
    String secondVersion = version(port);
    assertNotEquals(firstVersion, secondVersion);

    // A deploy whose image holds run 1's model but claims run 2's: the smoke test must catch it.
    RecopipeHome at = RecopipeHome.at(home());
    Path image;
    Path otherModel;
    try (LocalRunner runner = TestRunners.runner(at, () -> HomeOption.openWarehouse(at))) {
      RunHistory history = runner.history();
      var runs = history.listRuns();
      image = output(history, runs.get(1).id(), "package", "image");
      otherModel = output(history, runs.get(0).id(), "export", "model");
    }
    Path out = Files.createDirectories(dir.resolve("broken-endpoint"));
    RolledBackException rolledBack =
        assertThrows(
            RolledBackException.class,
            () ->
                new DeployComponent()
                    .run(
                        new DirectContext(
                            at,
                            Map.of("image", image, "model", otherModel),
                            out,
                            Map.of("port", String.valueOf(port)))));
    assertTrue(rolledBack.getMessage().contains("smoke test"), rolledBack.getMessage());
    assertEquals(secondVersion, version(port), "the serving revision keeps answering");
    assertEquals(200, post(predict, "{\"instances\": [{\"user_id\": 1}]}").statusCode());
    CliRunner.Result endpoints = CliRunner.run("endpoints", "--home", home().toString());
    assertTrue(endpoints.out().contains("rolled_back"), endpoints.out());
    assertTrue(endpoints.out().contains("serving"), endpoints.out());
    assertTrue(endpoints.out().contains("settings: threads "), endpoints.out());
  }

  private static Path output(RunHistory history, String runId, String step, String port) {
    return history.show(runId).orElseThrow().executions().stream()
        .filter(e -> e.execution().step().equals(step))
        .findFirst()
        .orElseThrow()
        .outputs()
        .entrySet()
        .stream()
        .filter(e -> e.getKey().equals(port))
        .map(e -> history.locate(e.getValue()))
        .findFirst()
        .orElseThrow();
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

  private static HttpResponse<String> post(String url, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Runs one component directly against a home's service directory. */
  private record DirectContext(
      RecopipeHome home, Map<String, Path> inputs, Path out, Map<String, String> parameters)
      implements StepContext {
    @Override
    public String runId() {
      return "direct";
    }

    @Override
    public String stepName() {
      return "deploy";
    }

    @Override
    public Path input(String port) {
      return inputs.get(port);
    }

    @Override
    public boolean hasInput(String port) {
      return inputs.containsKey(port);
    }

    @Override
    public Path output(String port) {
      return out;
    }

    @Override
    public Warehouse warehouse() {
      throw new UnsupportedOperationException("deploy needs no warehouse");
    }

    @Override
    public StepLog log() {
      return new StepLog() {
        @Override
        public void info(String line) {}

        @Override
        public void progress(String line) {}
      };
    }

    @Override
    public void metric(String name, double value) {}

    @Override
    public Optional<Path> championModel() {
      return Optional.empty();
    }

    @Override
    public Path cacheDirectory() {
      return home.cache();
    }

    @Override
    public Path serviceDirectory() {
      return home.serving();
    }
  }
}
