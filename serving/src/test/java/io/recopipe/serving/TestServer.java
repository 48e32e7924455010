package io.recopipe.serving;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recopipe.logging.CloudLoggingEncoder;
import io.recopipe.logging.LineAppender;
import io.recopipe.serving.log.AccessLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A real server on ephemeral ports plus an HTTP client, for the tests. */
final class TestServer implements AutoCloseable {
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  final ServingProcess process;
  final ByteArrayOutputStream logs;
  final AccessLog log;
  final Path adminDir;

  private TestServer(
      ServingProcess process, ByteArrayOutputStream logs, AccessLog log, Path adminDir) {
    this.process = process;
    this.logs = logs;
    this.log = log;
    this.adminDir = adminDir;
  }

  /** The admin secret every test server is started with. */
  static final String SECRET = "test-secret-0123456789abcdef";

  /**
   * Starts a server on {@code bundle} with extra flags, its admin secret in a fresh directory
   * ({@code admin.secret}) and its journal beside it ({@code admin-journal.jsonl}).
   */
  static TestServer start(Path bundle, String... flags) throws IOException {
    Path adminDir = java.nio.file.Files.createTempDirectory("serving-admin");
    Path secret = java.nio.file.Files.writeString(adminDir.resolve("admin.secret"), SECRET);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--bundle",
                bundle.toString(),
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--admin-port",
                "0",
                "--admin-secret-file",
                secret.toString(),
                "--journal",
                adminDir.resolve("admin-journal.jsonl").toString()));
    args.addAll(Arrays.asList(flags));
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    AccessLog log =
        new AccessLog(
            new LineAppender(logs, new CloudLoggingEncoder()), AccessLog.DEFAULT_CAPACITY);
    ServingProcess process =
        new ServingProcess(ServingOptions.parse(args.toArray(String[]::new), Map.of()), log);
    TestServer server = new TestServer(process, logs, log, adminDir);
    process.start();
    return server;
  }

  String url(String path) {
    return "http://127.0.0.1:" + process.port() + path;
  }

  String adminUrl(String path) {
    return "http://127.0.0.1:" + process.adminPort() + path;
  }

  static HttpResponse<String> send(String method, String url, String body) throws Exception {
    return send(method, url, body, null);
  }

  /** Sends a request, with {@code Authorization: authorization} unless it is null. */
  static HttpResponse<String> send(String method, String url, String body, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return send("GET", url(path), null);
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return send("POST", url(path), body);
  }

  HttpResponse<String> predict(String body) throws Exception {
    return post("/v1/models/recommender_model:predict", body);
  }

  /** An admin request with the right secret. */
  HttpResponse<String> admin(String method, String path, String body) throws Exception {
    return send(method, adminUrl(path), body, "Bearer " + SECRET);
  }

  /** The admin journal's lines. */
  List<String> journal() throws IOException {
    Path file = adminDir.resolve("admin-journal.jsonl");
    return java.nio.file.Files.exists(file) ? java.nio.file.Files.readAllLines(file) : List.of();
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  /** The floats of a JSON array of numbers, parsed exactly from their decimal text. */
  static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int n = 0; n < out.length; n++) {
      out[n] = Float.parseFloat(array.get(n).decimalValue().toString());
    }
    return out;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }

  String logText() {
    log.flush();
    synchronized (logs) {
      return logs.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    process.stopNow();
  }
}
