package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped pipeline with its default config on the real MovieLens 100K, as a user runs it. */
class PipelineMovieLens100kIT {

  private static Path ml100k() {
    return DataSources.findMl100k().orElse(Path.of("../shared/data/ml-100k"));
  }

  /** The one value {@code query} selects in {@code home}'s warehouse ({@code recopipe sql}). */
  private static String sql(String home, String query) {
    CliRunner.Result result = CliRunner.run("sql", "--home", home, "--format", "tsv", query);
    assertEquals(ExitCodes.OK, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(2, lines.size(), result.out());
    return lines.get(1).trim();
  }

  @Test
  void theDefaultPipelineRunsEndToEndOnMovieLens100k(@TempDir Path dir) throws Exception {
    Path data = ml100k();
    assumeTrue(
        Files.isRegularFile(data.resolve("u.data")),
        "ML-100K not found at " + data.toAbsolutePath() + "; set ML100K_DIR to run this test");
    String home = dir.resolve("home").toString();
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CliRunner.Result run;
    try {
      run =
          CliRunner.run(
              "run", "--home", home, "--data", data.toString(), "--set", "deploy.port=" + port);
      assertEquals(ExitCodes.OK, run.code(), run.out() + run.err());
      String url = "http://127.0.0.1:" + port + "/v1/models/recommender_model:predict";
      assertTrue(run.out().contains("endpoint: " + url), run.out());
      java.net.http.HttpResponse<String> seed =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                      .header("Content-Type", "application/json")
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "{\"instances\": [{\"user_id\": 1}]}"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, seed.statusCode(), seed.body());
      assertTrue(seed.body().startsWith("{\"predictions\":[{\"predicted_rating\":["));
    } finally {
      CliRunner.run("undeploy", "--home", home);
    }
    assertTrue(run.out().contains("[train] iteration 171 "), "training progress is shown");

    assertEquals("100000", sql(home, "SELECT COUNT(*) FROM ratings"));
    assertEquals("943", sql(home, "SELECT COUNT(*) FROM users"));
    double rmse =
        Double.parseDouble(
            sql(home, "SELECT root_mean_squared_error FROM evaluation WHERE model = 'candidate'"));
    assertTrue(rmse < 0.92, "held-out RMSE " + rmse);
    double r2 =
        Double.parseDouble(sql(home, "SELECT r2_score FROM evaluation WHERE model = 'candidate'"));
    assertTrue(r2 > 0.3, "held-out R² " + r2);
    assertEquals("50", sql(home, "SELECT COUNT(*) FROM recommendations WHERE user_id = '1'"));
    assertEquals(
        "0",
        sql(home, "SELECT COUNT(*) FROM recommendations r JOIN train t USING (user_id, item_id)"));
    assertEquals("0", sql(home, "SELECT COUNT(*) FROM recommendations WHERE title IS NULL"));
  }
}
