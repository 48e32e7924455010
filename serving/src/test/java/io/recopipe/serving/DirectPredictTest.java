package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The direct :predict handler in front of Javalin answers, counts and logs as Javalin's route. */
class DirectPredictTest {
  private static final String BODY = "{\"instances\":[{\"user_id\":\"u1\",\"k\":3}]}";
  @TempDir static Path temp;
  static TestServer server;
  static Path bundle;

  @BeforeAll
  static void start() throws Exception {
    bundle = TestBundles.write(temp, "m", 7).directory();
    server = TestServer.start(bundle);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void otherSpellingsOfThePathGetTheSameAnswerThroughJavalin() throws Exception {
    HttpResponse<String> direct = server.predict(BODY);
    // percent-encoded and with a trailing slash: not the direct path's bytes, Javalin's route
    HttpResponse<String> encoded = server.post("/v1/models/recommender_model%3Apredict", BODY);
    HttpResponse<String> slash = server.post("/v1/models/recommender_model:predict/", BODY);
    assertEquals(200, direct.statusCode(), direct.body());
    assertEquals(direct.body(), encoded.body());
    assertEquals(direct.body(), slash.body());
    for (HttpResponse<String> response : List.of(direct, encoded, slash)) {
      assertEquals(
          "application/json",
          response.headers().firstValue("content-type").orElse("").split(";")[0]);
    }
  }

  @Test
  void directAnswersAreLoggedAndCountedLikeJavalinsRoutes() throws Exception {
    HttpResponse<String> ok = server.post("/v1/models/recommender_model:predict?trace=7", BODY);
    HttpResponse<String> bad = server.predict("{\"instances\":[]}");
    assertEquals(200, ok.statusCode());
    assertEquals(400, bad.statusCode());
    assertEquals("\"instances\" is empty", TestServer.json(bad).get("error").asText());
    JsonNode line =
        TestServer.JSON.readTree(
            server.logText().lines().filter(l -> l.contains("trace=7")).findFirst().orElseThrow());
    JsonNode request = line.get("httpRequest");
    assertEquals("POST /v1/models/recommender_model:predict 200", line.get("message").asText());
    assertEquals(
        "/v1/models/recommender_model:predict?trace=7", request.get("requestUrl").asText());
    assertEquals(ok.body().length(), request.get("responseSize").asLong());
    assertEquals("127.0.0.1", request.get("remoteIp").asText());
    assertTrue(request.get("userAgent").asText().startsWith("Java-http-client"), line.toString());
    String metrics = server.get("/metrics").body();
    assertTrue(
        metrics.contains("http_server_requests_seconds_count{route=\"predict\",status=\"400\"} 1"),
        metrics);
  }

  @Test
  void scoringOnTheHttpThreadAnswersAsTheWorkersDo() throws Exception {
    String batch =
        "{\"instances\":[{\"user_id\":\"u1\",\"k\":3},{\"user_id\":\"u2\"},"
            + "{\"user_id\":\"nobody\"}]}";
    try (TestServer inline = TestServer.start(bundle, "--workers", "0")) {
      for (String body : List.of(BODY, batch, "{\"instances\":[]}")) {
        HttpResponse<String> pooled = server.predict(body);
        HttpResponse<String> direct = inline.predict(body);
        assertEquals(pooled.statusCode(), direct.statusCode());
        assertEquals(pooled.body(), direct.body());
      }
    }
  }
}
