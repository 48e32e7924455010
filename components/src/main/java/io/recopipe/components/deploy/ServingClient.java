package io.recopipe.components.deploy;

import io.recopipe.model.json.JsonObject;
import io.recopipe.model.json.JsonParser;
import io.recopipe.model.json.JsonValue;
import io.recopipe.model.json.JsonWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Talks HTTP to a serving process on loopback (public and admin API of the contract), so the
 * deploy checks read as "status and JSON" instead of plumbing.
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
    JsonObject json() throws IOException {
      try {
        return JsonParser.parse(body).asObject();
      } catch (RuntimeException e) {
        throw new IOException("not a JSON object (" + e.getMessage() + "): " + snippet(), e);
      }
    }

    String snippet() {
      return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
      .version(HttpClient.Version.HTTP_1_1).build();

  Response get(int port, String path) throws IOException {
    return send(HttpRequest.newBuilder(uri(port, path)).GET());
  }

  Response post(int port, String path, JsonValue body) throws IOException {
    return send(HttpRequest.newBuilder(uri(port, path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JsonWriter.compact(body))));
  }

  private Response send(HttpRequest.Builder request) throws IOException {
    try {
      HttpResponse<String> response = http.send(request.timeout(REQUEST_TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
