package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadRequestTest {
  @TempDir static Path temp;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        TestServer.start(
            TestBundles.write(temp, "m", 3).directory(),
            "--max-instances",
            "3",
            "--max-body-bytes",
            "4096");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void assertError(int status, HttpResponse<String> response) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("content-type").orElse("").startsWith("application/json"),
        response.headers().toString());
    JsonNode json = TestServer.json(response);
    assertEquals(1, json.size(), response.body());
    assertTrue(json.get("error").isTextual());
    assertFalse(json.get("error").asText().isBlank());
    assertFalse(response.body().contains("Exception"), response.body());
    assertFalse(response.body().contains("\tat "), response.body());
    assertFalse(response.body().contains("io.recopipe"), response.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "not json",
        "[1,2]",
        "{\"instances\":[{\"user_id\":1}]} trailing",
        "{\"instances\":{}}",
        "{\"instances\":[]}",
        "{}",
        "{\"instances\":[1]}",
        "{\"instances\":[{}]}",
        "{\"instances\":[{\"k\":5}]}",
        "{\"instances\":[{\"user_id\":null}]}",
        "{\"instances\":[{\"user_id\":1.5}]}",
        "{\"instances\":[{\"user_id\":true}]}",
        "{\"instances\":[{\"user_id\":1,\"k\":0}]}",
        "{\"instances\":[{\"user_id\":1,\"k\":1001}]}",
        "{\"instances\":[{\"user_id\":1,\"k\":-3}]}",
        "{\"instances\":[{\"user_id\":1,\"k\":\"5\"}]}",
        "{\"instances\":[{\"user_id\":1,\"k\":99999999999999999999999}]}",
        "{\"instances\":[{\"user_id\":1,\"k\":2.5}]}",
        "{\"instances\":[{\"user_id\":1,\"exclude_rated\":\"yes\"}]}",
        "{\"instances\":[{\"user_id\":1,\"item_ids\":\"i1\"}]}",
        "{\"instances\":[{\"user_id\":1,\"item_ids\":[{\"a\":1}]}]}",
        "{\"instances\":[{\"user_id\":1,\"item_ids\":[null]}]}",
        "{\"instances\":[{\"user_id\":1},{\"user_id\":2},{\"user_id\":3},{\"user_id\":4}]}"
      })
  void malformedRequestsAre400(String body) throws Exception {
    assertError(400, server.predict(body));
  }

  @Test
  void tooManyInstancesSaysSo() throws Exception {
    HttpResponse<String> response =
        server.predict(
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
    HttpResponse<String> response = server.predict(big);
    assertError(413, response);
    // refused unread: the answer says the connection closes, so no client reuses it
    assertEquals("close", response.headers().firstValue("connection").orElse(""));
  }

  @Test
  void wrongMethodIs405() throws Exception {
    assertError(405, server.get("/v1/models/recommender_model:predict"));
    assertError(
        405, TestServer.send("PUT", server.url("/v1/models/recommender_model:predict"), "{}"));
    assertError(405, TestServer.send("DELETE", server.url("/healthz"), null));
    assertError(405, server.post("/v1/models/recommender_model", "{}"));
    assertError(405, server.post("/metrics", "{}"));
  }

  /**
   * A body that arrives after the headers of a request the server refuses without reading it (no
   * route takes it, or a route refuses it before reading) is read, so the same keep-alive
   * connection answers the client's next request (the JDK client reuses it for a POST without
   * retrying, and got no answer when the server had closed it silently).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/metrics 405",
        "/v1/models/recommender_model 405",
        "/v1/models/other:predict 404",
        "/v1/models/other 404"
      })
  void refusedRequestWithLateBodyKeepsTheConnection(String pathAndStatus) throws Exception {
    String path = pathAndStatus.split(" ")[0];
    String status = pathAndStatus.split(" ")[1];
    URI uri = URI.create(server.url(path));
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      String host = "Host: " + uri.getHost() + "\r\n";
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\n"
                  + host
                  + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(200); // the server refuses the request before the body is there
      out.write("{}".getBytes(StandardCharsets.US_ASCII));
      out.write(("GET /healthz HTTP/1.1\r\n" + host + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertTrue(in.readLine().startsWith("HTTP/1.1 " + status + " "));
      int length = skipHeaders(in);
      in.skip(length);
      assertEquals("HTTP/1.1 200 OK", in.readLine());
    }
  }

  private static int skipHeaders(BufferedReader in) throws Exception {
    int length = 0;
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
      assertFalse(line.equalsIgnoreCase("connection: close"), line);
    }
    return length;
  }

  @Test
  void theServerStillAnswersAfterwards() throws Exception {
    assertEquals(200, server.predict("{\"instances\":[{\"user_id\":\"u1\"}]}").statusCode());
  }
}
