package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review, approval and rollback with the real serving process: a review run deploys nothing until a
 * second reviewer approves it; a second approved model replaces it; {@code models rollback} brings
 * the first one back on the same endpoint.
 */
class ApprovalDeployIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path dir;

  private String home() {
    return dir.resolve("home").toString();
  }

  @AfterEach
  void undeploy() {
    CliRunner.run("undeploy", "--home", home());
  }

  @Test
  void nothingServesUntilApprovedAndRollbackServesThePreviousModelAgain() throws Exception {
    int port = freePort();
    Path config =
        Files.writeString(
            dir.resolve("review.yaml"),
            RunCommandTest.FAST_CONFIG.replace("enabled: false", "enabled: true\n  port: " + port)
                + "promotion: review\n");
    String predict = "http://127.0.0.1:" + port + "/v1/models/recommender_model:predict";
    Path alice = CliReviewers.add(dir.resolve("home"), dir, "alice");
    Path bob = CliReviewers.add(dir.resolve("home"), dir, "bob", "--token-file", alice.toString());

    CliRunner.Result waiting =
        CliRunner.run(
            "run",
            "--home",
            home(),
            "--config",
            config.toString(),
            "--token-file",
            alice.toString());
    assertEquals(ExitCodes.AWAITING_APPROVAL, waiting.code(), waiting.out() + waiting.err());
    assertThrows(IOException.class, () -> post(predict), "nothing may listen before approval");

    CliRunner.Result first =
        CliRunner.run(
            "models",
            "approve",
            "1",
            "--comment",
            "first model",
            "--token-file",
            bob.toString(),
            "--home",
            home());
    assertEquals(ExitCodes.OK, first.code(), first.out() + first.err());
    assertEquals(200, post(predict).statusCode());
    String firstVersion = modelVersion(port);
    assertTrue(
        CliRunner.run("models", "show", "1", "--home", home())
            .out()
            .contains("model version:    " + firstVersion));

    assertEquals(
        ExitCodes.AWAITING_APPROVAL,
        CliRunner.run(
                "run",
                "--home",
                home(),
                "--config",
                config.toString(),
                "--set",
                "train.max_iterations=7",
                "--token-file",
                alice.toString())
            .code());
    assertEquals(firstVersion, modelVersion(port), "v1 keeps serving while v2 waits");
    CliRunner.Result second =
        CliRunner.run(
            "models",
            "approve",
            "2",
            "--comment",
            "better",
            "--token-file",
            bob.toString(),
            "--home",
            home());
    assertEquals(ExitCodes.OK, second.code(), second.out() + second.err());
    assertNotEquals(firstVersion, modelVersion(port));

    CliRunner.Result rollback =
        CliRunner.run(
            "models",
            "rollback",
            "--reason",
            "complaints",
            "--token-file",
            alice.toString(),
            "--home",
            home());
    assertEquals(ExitCodes.OK, rollback.code(), rollback.out() + rollback.err());
    assertEquals(firstVersion, modelVersion(port), "the first model serves again");
    String models = CliRunner.run("models", "list", "--home", home()).out();
    assertTrue(
        models.lines().anyMatch(l -> l.matches("\\s*1 \\| DEPLOYED\\s+\\| champion.*")), models);
    assertTrue(
        models.lines().anyMatch(l -> l.matches("\\s*2 \\| RETIRED\\s+\\| previous.*")), models);
    assertEquals(200, post(predict).statusCode());
    CliRunner.Result history = CliRunner.run("models", "history", "--home", home());
    assertTrue(history.out().contains("rollback: complaints"), history.out());
    assertEquals(ExitCodes.OK, CliRunner.run("audit", "verify", "--home", home()).code());
  }

  private static String modelVersion(int port) throws Exception {
    HttpResponse<String> response =
        post("http://127.0.0.1:" + port + "/v1/models/recommender_model:predict");
    assertEquals(200, response.statusCode(), response.body());
    HttpResponse<String> status =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v1/models/recommender_model"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String body = status.body();
    int at = body.indexOf("\"version\":\"") + 11;
    return body.substring(at, body.indexOf('"', at));
  }

  private static HttpResponse<String> post(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"instances\": [{\"user_id\": 1}]}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
