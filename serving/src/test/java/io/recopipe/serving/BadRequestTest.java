package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadRequestTest {
  @TempDir
  static Path temp;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(TestBundles.write(temp, "m", 3).directory(),
        "--max-instances", "3", "--max-body-bytes", "4096");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void assertError(int status, HttpResponse<String> response) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("content-type").orElse("")
        .startsWith("application/json"), response.headers().toString());
    JsonNode json = TestServer.json(response);
    assertEquals(1, json.size(), response.body());
    assertTrue(json.get("error").isTextual());
    assertFalse(json.get("error").asText().isBlank());
    assertFalse(response.body().contains("Exception"), response.body());
    assertFalse(response.body().contains("\tat "), response.body());
    assertFalse(response.body().contains("io.recopipe"), response.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "{", "not json", "[1,2]", "{\"instances\":[{\"user_id\":1}]} trailing",
      "{\"instances\":{}}", "{\"instances\":[]}", "{}", "{\"instances\":[1]}",
      "{\"instances\":[{}]}", "{\"instances\":[{\"k\":5}]}", "{\"instances\":[{\"user_id\":null}]}",
      "{\"instances\":[{\"user_id\":1.5}]}", "{\"instances\":[{\"user_id\":true}]}",
      "{\"instances\":[{\"user_id\":1,\"k\":0}]}", "{\"instances\":[{\"user_id\":1,\"k\":1001}]}",
      "{\"instances\":[{\"user_id\":1,\"k\":-3}]}", "{\"instances\":[{\"user_id\":1,\"k\":\"5\"}]}",
      "{\"instances\":[{\"user_id\":1,\"k\":99999999999999999999999}]}",
      "{\"instances\":[{\"user_id\":1,\"k\":2.5}]}",
      "{\"instances\":[{\"user_id\":1,\"exclude_rated\":\"yes\"}]}",
      "{\"instances\":[{\"user_id\":1,\"item_ids\":\"i1\"}]}",
      "{\"instances\":[{\"user_id\":1,\"item_ids\":[{\"a\":1}]}]}",
      "{\"instances\":[{\"user_id\":1,\"item_ids\":[null]}]}",
      "{\"instances\":[{\"user_id\":1},{\"user_id\":2},{\"user_id\":3},{\"user_id\":4}]}"})
  void malformedRequestsAre400(String body) throws Exception {
    assertError(400, server.predict(body));
  }

  @Test
  void tooManyInstancesSaysSo() throws Exception {
    HttpResponse<String> response = server.predict(
        "{\"instances\":[{\"user_id\":1},{\"user_id\":2},{\"user_id\":3},{\"user_id\":4}]}");
    assertError(400, response);
    assertTrue(response.body().contains("too many instances"), response.body());
  }

  @Test
  void unknownModelNameIs404() throws Exception {
    assertError(404, server.post("/v1/models/other:predict", "{\"instances\":[{\"user_id\":1}]}"));
    assertError(404, server.get("/v1/models/other"));
    assertError(404, server.get("/v1/models/other/metadata"));
  }

  @Test
  void unknownRouteIs404() throws Exception {
    assertError(404, server.get("/nope"));
    assertError(404, server.post("/v2/models/recommender_model:predict", "{}"));
  }

  @Test
  void bodyOverTheLimitIs413() throws Exception {
    String big = "{\"instances\":[{\"user_id\":\"" + "x".repeat(5000) + "\"}]}";
    assertError(413, server.predict(big));
  }

  @Test
  void wrongMethodIs405() throws Exception {
    assertError(405, server.get("/v1/models/recommender_model:predict"));
    assertError(405, TestServer.send("PUT", server.url("/v1/models/recommender_model:predict"),
        "{}"));
    assertError(405, TestServer.send("DELETE", server.url("/healthz"), null));
    assertError(405, server.post("/v1/models/recommender_model", "{}"));
    assertError(405, server.post("/metrics", "{}"));
  }

  @Test
  void theServerStillAnswersAfterwards() throws Exception {
    assertEquals(200, server.predict("{\"instances\":[{\"user_id\":\"u1\"}]}").statusCode());
  }
}
