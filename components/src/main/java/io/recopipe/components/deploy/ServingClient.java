package io.recopipe.components.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Talks HTTP to a serving process (public and admin API of the contract), so the deploy checks read
 * as "status and JSON" instead of plumbing. Admin paths ({@code /admin/...}) always go to loopback
 * with the revision's bearer secret; public paths go to the host the server bound.
 */
final class ServingClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  /** An HTTP answer: status and body text. */
  record Response(int status, String body) {
    boolean ok() {
      return status == 200;
    }

    /** The body as a JSON object; throws IOException when it is not one. */
    ObjectNode json() throws IOException {
      try {
        return JsonFields.asObject(Json.parse(body));
      } catch (RuntimeException e) {
        throw new IOException("not a JSON object (" + e.getMessage() + "): " + snippet(), e);
      }
    }

    String snippet() {
      return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
  }

  private static final String LOOPBACK = "127.0.0.1";
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private final String publicHost;
  private final String secret;

  /**
   * Builds the shared HTTP client on a daemon thread: building it sets up TLS, half a second of a
   * cold JVM that a deploy can spend while it unpacks and starts the server instead of after.
   */
  static void warmUpInBackground() {
    Thread thread = new Thread(() -> HTTP.version(), "recopipe-http-client-init");
    thread.setDaemon(true);
    thread.start();
  }

  /** A client for public paths on loopback, without an admin secret. */
  ServingClient() {
    this(LOOPBACK, "");
  }

  /** A client for a server bound to {@code bindHost} whose admin secret is {@code secret}. */
  ServingClient(String bindHost, String secret) {
    this.publicHost = connectHost(bindHost);
    this.secret = secret;
  }

  /** Where to connect to reach a server bound to {@code bindHost} (wildcards: loopback). */
  static String connectHost(String bindHost) {
    if (bindHost == null
        || bindHost.isBlank()
        || bindHost.equals("0.0.0.0")
        || bindHost.equals("::")
        || bindHost.equals("[::]")) {
      return LOOPBACK;
    }
    return bindHost.contains(":") && !bindHost.startsWith("[") ? "[" + bindHost + "]" : bindHost;
  }

  Response get(int port, String path) throws IOException {
    return send(request(port, path).GET());
  }

  Response post(int port, String path, JsonNode body) throws IOException {
    return send(
        request(port, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.compact(body))));
  }

  private Response send(HttpRequest.Builder request) throws IOException {
    try {
      HttpResponse<String> response =
          HTTP.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private HttpRequest.Builder request(int port, String path) {
    boolean admin = path.startsWith("/admin/");
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
            URI.create("http://" + (admin ? LOOPBACK : publicHost) + ":" + port + path));
    if (admin && !secret.isEmpty()) {
      builder.header("Authorization", "Bearer " + secret);
    }
    return builder;
  }
}
