package io.recopipe.pipeline.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.pipeline.cli.CliRunner;
import io.recopipe.pipeline.cli.ExitCodes;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs the shipped pipeline on a fixture exactly as a user would ({@code recopipe run --data …}
 * with the built-in config), asks the deployed endpoint for the known user's recommendations,
 * checks them against the fixture, and always undeploys so no serving process outlives the case.
 */
final class ServedPipeline {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String ENDPOINT = "endpoint: ";
  private static final double EPSILON = 1e-6;

  /** What one CLI invocation printed, as a user's shell would see it. */
  private ServedPipeline() {}

  /** Runs the whole pipeline on {@code fixture} in {@code home} and checks the served answer. */
  static void runToServedPrediction(Fixture fixture, Path home) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--home",
                home.toString(),
                "--data",
                fixture.data().toString(),
                "--set",
                "deploy.port=" + freePort()));
    fixture.settings().forEach(setting -> args.addAll(List.of("--set", setting)));
    CliRunner.Result undeploy;
    try {
      CliRunner.Result run = cli(args.toArray(String[]::new));
      assertEquals(
          ExitCodes.OK,
          run.code(),
          () ->
              "recopipe run failed: "
                  + run.err().strip().lines().findFirst().orElse("(nothing on stderr)")
                  + "\nrecopipe "
                  + String.join(" ", args)
                  + "\n"
                  + run.transcript());
      String url = endpoint(run);
      assertAll(() -> checkPrediction(fixture, url), () -> checkWarehouse(fixture, home));
    } finally {
      undeploy = cli("undeploy", "--home", home.toString());
    }
    assertEquals(ExitCodes.OK, undeploy.code(), "undeploy: " + undeploy.transcript());
  }

  private static String endpoint(CliRunner.Result run) {
    Optional<String> line = run.out().lines().filter(l -> l.startsWith(ENDPOINT)).findFirst();
    assertTrue(line.isPresent(), "the run printed no endpoint:\n" + run.transcript());
    return line.get().substring(ENDPOINT.length()).strip();
  }

  private static void checkPrediction(Fixture fixture, String url) throws Exception {
    ObjectNode instance = JSON.createObjectNode();
    if (fixture.integerIds()) {
      instance.put("user_id", Long.parseLong(fixture.knownUser()));
    } else {
      instance.put("user_id", fixture.knownUser());
    }
    String body = "{\"instances\":[" + instance + "]}";
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), body + " -> " + response.body());
    JsonNode prediction = JSON.readTree(response.body()).path("predictions").path(0);
    List<JsonNode> ratings = elements(prediction.path("predicted_rating"));
    List<JsonNode> items = elements(prediction.path("predicted_item_id"));
    String where = body + " -> " + abbreviate(response.body());
    assertFalse(items.isEmpty(), "no predicted_item_id: " + where);
    List<String> unknownItems =
        items.stream()
            .filter(item -> !fixture.itemIds().contains(item.asText()))
            .map(JsonNode::toString)
            .toList();
    List<String> outOfRange =
        ratings.stream()
            .filter(
                rating ->
                    !rating.isNumber()
                        || rating.asDouble() < fixture.minRating() - EPSILON
                        || rating.asDouble() > fixture.maxRating() + EPSILON)
            .map(JsonNode::toString)
            .toList();
    assertAll(
        "served prediction for user " + fixture.knownUser(),
        () -> assertEquals(items.size(), ratings.size(), "one rating per item: " + where),
        () ->
            assertFalse(
                prediction.path("cold_start").asBoolean(false),
                "the known user " + fixture.knownUser() + " was served as cold start: " + where),
        () ->
            assertTrue(
                unknownItems.isEmpty(),
                unknownItems.size()
                    + " predicted_item_id"
                    + " values are not items of the fixture, e.g. "
                    + first(unknownItems)
                    + ": "
                    + where),
        () ->
            assertTrue(
                outOfRange.isEmpty(),
                outOfRange.size()
                    + " predicted_rating values lie"
                    + " outside the data's range "
                    + fixture.minRating()
                    + ".."
                    + fixture.maxRating()
                    + ", e.g. "
                    + first(outOfRange)
                    + ": "
                    + where));
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? "none" : values.get(0);
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  private static void checkWarehouse(Fixture fixture, Path home) {
    List<Executable> checks = new ArrayList<>();
    checks.add(
        () ->
            assertEquals(
                String.valueOf(fixture.ratingCount()),
                sql(home, "SELECT COUNT(*) FROM ratings"),
                "every rating of the source is ingested"));
    checks.add(
        () ->
            assertEquals(
                fixture.itemIds(),
                Set.copyOf(column(home, "SELECT DISTINCT CAST(item_id AS VARCHAR) FROM ratings")),
                "the ingested item ids are the source's, with their exact text"));
    checks.add(
        () ->
            assertEquals(
                String.valueOf(fixture.latestTime()),
                sql(home, "SELECT MAX(\"timestamp\") FROM ratings"),
                "the latest rating time, in epoch seconds"));
    for (Map.Entry<String, String> title : fixture.titles().entrySet()) {
      checks.add(
          () ->
              assertEquals(
                  title.getValue(),
                  sql(
                      home,
                      "SELECT title FROM movies"
                          + " WHERE CAST(item_id AS VARCHAR) = '"
                          + title.getKey()
                          + "'"),
                  "the catalog title of item " + title.getKey()));
    }
    assertAll("warehouse tables", checks);
  }

  /** The single value {@code query} returns, as {@code recopipe sql --format tsv} prints it. */
  private static String sql(Path home, String query) {
    List<String> values = column(home, query);
    assertEquals(1, values.size(), query + " returned " + values);
    return values.get(0);
  }

  /** The values of the one column {@code query} returns, below the header line. */
  private static List<String> column(Path home, String query) {
    CliRunner.Result result = cli("sql", "--home", home.toString(), "--format", "tsv", query);
    assertEquals(ExitCodes.OK, result.code(), query + "\n" + result.transcript());
    List<String> lines = result.out().lines().toList();
    return lines.subList(Math.min(1, lines.size()), lines.size());
  }

  private static List<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  /** Runs the real CLI in-process with stdout and stderr captured. */
  static CliRunner.Result cli(String... args) {
    return CliRunner.run(args);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
