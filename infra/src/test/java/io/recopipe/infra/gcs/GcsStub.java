package io.recopipe.infra.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.recopipe.infra.contract.DiscoveryContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A loopback stand-in for the Cloud Storage JSON API (objects.get with and without {@code
 * alt=media}, multipart objects.insert, objects.list) holding objects in memory, so tests run the
 * real google-cloud-storage client over HTTP. Every request is first checked against the published
 * discovery document ({@link DiscoveryContract}); one the real API would not accept is answered 400
 * and listed in {@link #violations()}. Each write gives the object a new generation, and an insert
 * whose {@code ifGenerationMatch} does not hold (0: the object must not exist) is refused with 412
 * Precondition Failed, as Cloud Storage does
 * (https://cloud.google.com/storage/docs/request-preconditions).
 */
public final class GcsStub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DiscoveryContract CONTRACT =
      DiscoveryContract.load("storage-v1.discovery.json");

  /** One request as it arrived; {@code metadata} is the JSON part of an upload, else the body. */
  public record Request(
      String method, String rawPath, String rawQuery, String metadata, String id) {}

  private record Stored(ObjectNode resource, byte[] data) {}

  private final HttpServer server;
  private final Map<String, Stored> objects = new TreeMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final AtomicLong generations = new AtomicLong(1_700_000_000_000_000L);
  private volatile Runnable beforeNextInsert;

  /** A stub on a free loopback port. */
  public GcsStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The real client pointed at this stub, without credentials. */
  public Storage client() {
    return StorageOptions.http()
        .setHost("http://127.0.0.1:" + server.getAddress().getPort())
        .setProjectId("recopipe-demo")
        .setCredentials(NoCredentials.getInstance())
        .build()
        .getService();
  }

  /** Every request the contract accepted, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests the published API would refuse (a test expecting none asserts this is empty). */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  /** Runs {@code action} when the next insert arrives, before it is applied (a racing writer). */
  public void beforeNextInsert(Runnable action) {
    beforeNextInsert = action;
  }

  /**
   * Stores {@code data} as {@code bucket/name} directly, as another writer would; a new generation.
   */
  public synchronized void put(String bucket, String name, byte[] data) {
    ObjectNode resource = JSON.createObjectNode().put("name", name);
    objects.put(bucket + "/" + name, stored(bucket, name, resource, data));
  }

  /** The data of {@code bucket/name}, or null when there is no such object. */
  public synchronized byte[] data(String bucket, String name) {
    Stored stored = objects.get(bucket + "/" + name);
    return stored == null ? null : stored.data();
  }

  /** Deletes {@code bucket/name} directly, as someone with access to the bucket could. */
  public synchronized void delete(String bucket, String name) {
    objects.remove(bucket + "/" + name);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      route(exchange);
    } catch (RuntimeException e) {
      violations.add("the stub failed: " + e);
      throw e;
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    {
      String method = exchange.getRequestMethod();
      String rawPath = exchange.getRequestURI().getRawPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
          body = in.readAllBytes();
        }
      }
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      byte[][] parts = multipart(contentType, body);
      String metadata = new String(parts[0], StandardCharsets.UTF_8);
      String id;
      try {
        id = CONTRACT.check(method, rawPath, rawQuery, metadata);
      } catch (AssertionError e) {
        violations.add(e.getMessage());
        send(exchange, 400, JSON.createObjectNode().put("error", e.getMessage()));
        return;
      }
      requests.add(new Request(method, rawPath, rawQuery, metadata, id));
      List<String> segments = Arrays.asList(rawPath.split("/"));
      String bucket = decode(segments.get(segments.indexOf("b") + 1));
      switch (id) {
        case "storage.objects.insert" -> insert(exchange, bucket, metadata, parts[1], rawQuery);
        case "storage.objects.get" ->
            get(exchange, bucket + "/" + decode(segments.get(segments.indexOf("o") + 1)), rawQuery);
        case "storage.objects.list" -> list(exchange, bucket, query(rawQuery, "prefix"));
        default -> send(exchange, 404, JSON.createObjectNode().put("error", id));
      }
    }
  }

  private void insert(
      HttpExchange exchange, String bucket, String metadata, byte[] data, String rawQuery)
      throws IOException {
    Runnable race = beforeNextInsert;
    beforeNextInsert = null;
    if (race != null) {
      race.run();
    }
    ObjectNode resource = (ObjectNode) JSON.readTree(metadata);
    String name = resource.path("name").asText();
    String match = query(rawQuery, "ifGenerationMatch");
    Stored stored;
    synchronized (this) {
      Stored current = objects.get(bucket + "/" + name);
      String generation = current == null ? "0" : current.resource().path("generation").asText();
      if (match != null && !match.equals(generation)) {
        stored = null;
      } else {
        stored = stored(bucket, name, resource, data);
        objects.put(bucket + "/" + name, stored);
      }
    }
    if (stored == null) {
      ObjectNode error = JSON.createObjectNode();
      error
          .putObject("error")
          .put("code", 412)
          .put("message", "At least one of the pre-conditions you specified did not hold.");
      send(exchange, 412, error);
      return;
    }
    send(exchange, 200, stored.resource());
  }

  private Stored stored(String bucket, String name, ObjectNode resource, byte[] data) {
    String generation = Long.toString(generations.incrementAndGet());
    resource
        .put("kind", "storage#object")
        .put("bucket", bucket)
        .put("id", bucket + "/" + name + "/" + generation)
        .put("generation", generation)
        .put("metageneration", "1")
        .put("size", Integer.toString(data.length));
    return new Stored(resource, data);
  }

  private void get(HttpExchange exchange, String key, String rawQuery) throws IOException {
    Stored stored;
    synchronized (this) {
      stored = objects.get(key);
    }
    String generation = query(rawQuery, "generation");
    if (stored != null
        && generation != null
        && !generation.equals(stored.resource().path("generation").asText())) {
      stored = null;
    }
    if (stored == null) {
      ObjectNode error = JSON.createObjectNode();
      error.putObject("error").put("code", 404).put("message", "No such object: " + key);
      send(exchange, 404, error);
    } else if ("media".equals(query(rawQuery, "alt"))) {
      exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
      exchange.sendResponseHeaders(200, stored.data().length);
      exchange.getResponseBody().write(stored.data());
    } else {
      send(exchange, 200, stored.resource());
    }
  }

  private void list(HttpExchange exchange, String bucket, String prefix) throws IOException {
    ObjectNode list = JSON.createObjectNode().put("kind", "storage#objects");
    String start = bucket + "/" + (prefix == null ? "" : prefix);
    synchronized (this) {
      objects.forEach(
          (key, stored) -> {
            if (key.startsWith(start)) {
              list.withArray("items").add(stored.resource());
            }
          });
    }
    send(exchange, 200, list);
  }

  /** The JSON part and the data part of a multipart/related body; else the body and nothing. */
  private static byte[][] multipart(String contentType, byte[] body) {
    if (contentType == null || !contentType.startsWith("multipart/related")) {
      return new byte[][] {body, new byte[0]};
    }
    String boundary = "--" + contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
    String text = new String(body, StandardCharsets.ISO_8859_1);
    List<byte[]> parts = new ArrayList<>();
    for (String part : text.split(java.util.regex.Pattern.quote(boundary))) {
      int headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd >= 0) {
        String content = part.substring(headerEnd + 4);
        content = content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content;
        parts.add(content.getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    return new byte[][] {parts.get(0), parts.size() > 1 ? parts.get(1) : new byte[0]};
  }

  private static String query(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    return Arrays.stream(rawQuery.split("&"))
        .map(pair -> pair.split("=", 2))
        .filter(pair -> decode(pair[0]).equals(name))
        .map(pair -> pair.length > 1 ? decode(pair[1]) : "")
        .findFirst()
        .orElse(null);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
