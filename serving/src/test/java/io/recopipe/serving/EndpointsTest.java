package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.serving.model.ModelLoader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsTest {
  @TempDir static Path temp;
  static ModelBundle bundle;
  static TestServer server;
  static String version;

  @BeforeAll
  static void start() throws Exception {
    bundle = TestBundles.write(temp, "m", 5);
    version = ModelLoader.versionOf(bundle.directory());
    server =
        TestServer.start(
            bundle.directory(), "--state-file", temp.resolve("state/state.json").toString());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void statusIsTfServingsShape() throws Exception {
    JsonNode json = TestServer.json(server.get("/v1/models/recommender_model"));
    JsonNode status = json.get("model_version_status").get(0);
    assertEquals(version, status.get("version").asText());
    assertEquals(12, version.length());
    assertEquals("AVAILABLE", status.get("state").asText());
    assertEquals("OK", status.get("status").get("error_code").asText());
    assertEquals("", status.get("status").get("error_message").asText());
  }

  @Test
  void metadataHasProvenance() throws Exception {
    JsonNode json = TestServer.json(server.get("/v1/models/recommender_model/metadata"));
    assertEquals(version, json.get("model_version").asText());
    assertEquals("run-m", json.get("run_id").asText());
    assertEquals(bundle.manifest().dataFingerprint(), json.get("data_fingerprint").asText());
    assertEquals(bundle.manifest().provenance().codeVersion(), json.get("code_version").asText());
    assertEquals(4, json.get("options").get("num_factors").asInt());
    assertEquals(0.5, json.get("metrics").get("rmse").asDouble());
    assertTrue(json.get("has_rated_items").asBoolean());
  }

  @Test
  void healthAndReadiness() throws Exception {
    assertEquals(200, server.get("/healthz").statusCode());
    HttpResponse<String> ready = server.get("/readyz");
    assertEquals(200, ready.statusCode());
    assertEquals(version, TestServer.json(ready).get("model_version").asText());
  }

  @Test
  void metricsCountRequestsByRouteAndStatusAndNameTheModel() throws Exception {
    server.predict("{\"instances\":[{\"user_id\":\"u1\"}]}");
    server.predict("{\"instances\":[]}");
    HttpResponse<String> response = server.get("/metrics");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
    String text = response.body();
    assertTrue(
        text.contains("http_server_requests_seconds_count{route=\"predict\",status=\"200\"}"),
        text);
    assertTrue(
        text.contains("http_server_requests_seconds_count{route=\"predict\",status=\"400\"}"),
        text);
    assertTrue(text.contains("http_server_requests_seconds_bucket{route=\"predict\""), text);
    assertTrue(
        text.contains(
            "recopipe_served_model{model_version=\"" + version + "\",run_id=\"run-m\"} 1"),
        text);
  }

  @Test
  void stateFileIsWrittenWhenReady() throws Exception {
    JsonNode state = TestServer.JSON.readTree(Files.readAllBytes(temp.resolve("state/state.json")));
    assertEquals(ProcessHandle.current().pid(), state.get("pid").asLong());
    assertEquals(server.process.port(), state.get("port").asInt());
    assertEquals(server.process.adminPort(), state.get("admin_port").asInt());
    assertEquals("recommender_model", state.get("model_name").asText());
    assertEquals(version, state.get("model_version").asText());
    assertEquals("run-m", state.get("run_id").asText());
    Instant.parse(state.get("started_at").asText());
    try (var files = Files.list(temp.resolve("state"))) {
      assertEquals(List.of("state.json"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void adminStatusAndLoopbackOnly() throws Exception {
    JsonNode status = TestServer.json(server.admin("GET", "/admin/status", null));
    assertEquals(ProcessHandle.current().pid(), status.get("pid").asLong());
    assertEquals(server.process.port(), status.get("ports").get(0).asInt());
    assertEquals(version, status.get("model_version").asText());
    assertEquals("run-m", status.get("run_id").asText());
    // the admin connector is bound to 127.0.0.1, not to any other address of this host
    InetAddress other = nonLoopbackAddress();
    if (other != null) {
      assertThrows(
          java.io.IOException.class, () -> new Socket(other, server.process.adminPort()).close());
    }
    assertEquals(404, server.get("/admin/status").statusCode());
  }

  @Test
  void jsonAccessLogLines() throws Exception {
    server.get("/healthz");
    String line =
        server.logText().lines().filter(l -> l.contains("\"/healthz\"")).findFirst().orElseThrow();
    JsonNode json = TestServer.JSON.readTree(line);
    assertEquals("INFO", json.get("severity").asText());
    assertTrue(json.has("message") && json.has("time"));
    JsonNode request = json.get("httpRequest");
    assertEquals("GET", request.get("requestMethod").asText());
    assertEquals(200, request.get("status").asInt());
    assertTrue(request.get("latency").asText().matches("[0-9.]+s"), request.toString());
    assertTrue(request.has("remoteIp") && request.has("userAgent") && request.has("responseSize"));
  }

  private static InetAddress nonLoopbackAddress() throws Exception {
    for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
        if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address) {
          return address;
        }
      }
    }
    return null;
  }
}
