package io.recopipe.components.packaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A minimal Docker Registry HTTP API v2 on a loopback port (ping, blob HEAD/GET, chunked and
 * monolithic uploads, manifest PUT) without auth, so tests can watch Jib push a real image and read
 * back exactly what arrived. It speaks HTTPS with a throw-away self-signed certificate: Jib tries
 * HTTPS first and, with insecure registries allowed, accepts an untrusted certificate (a plain-HTTP
 * server would leave its TLS handshake hanging instead of failing over). Every request is named
 * after its endpoint in the OCI Distribution Specification's endpoint table ({@link #ENDPOINTS});
 * one that is no endpoint there is kept in {@link #violations}.
 */
final class LoopbackRegistry implements AutoCloseable {
  private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/(sha256:[0-9a-f]{64})");
  private static final Pattern UPLOADS = Pattern.compile("/v2/(.+)/blobs/uploads/?");
  private static final Pattern UPLOAD = Pattern.compile("/v2/(.+)/blobs/uploads/(\\d+)");
  private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");

  /**
   * The endpoints of the OCI Distribution Specification, which Artifact Registry's Docker API
   * implements: {@code METHOD path-regex} by the spec's endpoint id
   * (https://github.com/opencontainers/distribution-spec/blob/987425f615532f280a36d2a3a7800acefda01a21/spec.md#endpoints).
   */
  static final Map<String, Pattern> ENDPOINTS =
      Map.ofEntries(
          Map.entry("end-1", Pattern.compile("GET /v2/")),
          Map.entry("end-2", Pattern.compile("(GET|HEAD) /v2/.+/blobs/sha256:[0-9a-f]{64}")),
          Map.entry("end-3", Pattern.compile("(GET|HEAD) /v2/.+/manifests/[^/]+")),
          Map.entry("end-4a", Pattern.compile("POST /v2/.+/blobs/uploads/")),
          Map.entry("end-4b", Pattern.compile("POST /v2/.+/blobs/uploads/\\?digest=[^&]+")),
          Map.entry("end-5", Pattern.compile("PATCH /v2/.+/blobs/uploads/[^/?]+")),
          Map.entry("end-6", Pattern.compile("PUT /v2/.+/blobs/uploads/[^/?]+\\?digest=[^&]+")),
          Map.entry("end-7", Pattern.compile("PUT /v2/.+/manifests/[^/?]+")),
          Map.entry(
              "end-11", Pattern.compile("POST /v2/.+/blobs/uploads/\\?mount=[^&]+&from=[^&]+")));

  /** The endpoint id of every request, in order. */
  final List<String> endpoints = new CopyOnWriteArrayList<>();

  /** Requests that are no endpoint of the specification. */
  final List<String> violations = new CopyOnWriteArrayList<>();

  /** Blobs by digest. */
  final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

  /** Manifests by {@code repository:tag}. */
  final Map<String, byte[]> manifests = new ConcurrentHashMap<>();

  private final Map<String, ByteArrayOutputStream> uploads = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final HttpServer server;

  private LoopbackRegistry(HttpServer server) {
    this.server = server;
  }

  /** Starts the registry with a self-signed certificate made by keytool in {@code tempDir}. */
  static LoopbackRegistry start(Path tempDir) throws Exception {
    Path keystore = tempDir.resolve("registry.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "registry",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    if (keytool.waitFor() != 0) {
      throw new IOException("keytool failed to make the test registry's certificate");
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    LoopbackRegistry registry = new LoopbackRegistry(server);
    server.createContext("/v2/", registry::handle);
    server.start();
    return registry;
  }

  /** {@code 127.0.0.1:PORT}. */
  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      byte[] body = ex.getRequestBody().readAllBytes();
      String query = ex.getRequestURI().getRawQuery();
      String request = method + " " + path + (query == null ? "" : "?" + query);
      ENDPOINTS.entrySet().stream()
          .filter(e -> e.getValue().matcher(request).matches())
          .map(Map.Entry::getKey)
          .findFirst()
          .ifPresentOrElse(endpoints::add, () -> violations.add(request));
      Matcher m;
      if (path.equals("/v2/")) {
        respond(ex, 200, new byte[0]);
      } else if ((m = BLOB.matcher(path)).matches() && !method.equals("POST")) {
        byte[] blob = blobs.get(m.group(2));
        if (blob == null) {
          respond(ex, 404, new byte[0]);
        } else {
          ex.getResponseHeaders().set("Docker-Content-Digest", m.group(2));
          respond(ex, 200, method.equals("HEAD") ? null : blob, blob.length);
        }
      } else if ((m = UPLOADS.matcher(path)).matches() && method.equals("POST")) {
        String id = Integer.toString(ids.incrementAndGet());
        uploads.put(id, new ByteArrayOutputStream());
        ex.getResponseHeaders().set("Location", "/v2/" + m.group(1) + "/blobs/uploads/" + id);
        respond(ex, 202, new byte[0]);
      } else if ((m = UPLOAD.matcher(path)).matches()) {
        ByteArrayOutputStream upload = uploads.get(m.group(2));
        upload.write(body);
        if (method.equals("PATCH")) {
          ex.getResponseHeaders().set("Location", path);
          ex.getResponseHeaders().set("Range", "0-" + Math.max(0, upload.size() - 1));
          respond(ex, 202, new byte[0]);
          return;
        }
        String digest = query(ex, "digest");
        byte[] content = upload.toByteArray();
        if (!digest.equals(sha256(content))) {
          respond(ex, 400, "{\"errors\":[{\"code\":\"DIGEST_INVALID\"}]}".getBytes());
          return;
        }
        blobs.put(digest, content);
        ex.getResponseHeaders().set("Docker-Content-Digest", digest);
        ex.getResponseHeaders().set("Location", "/v2/" + m.group(1) + "/blobs/" + digest);
        respond(ex, 201, new byte[0]);
      } else if ((m = MANIFEST.matcher(path)).matches() && method.equals("PUT")) {
        manifests.put(m.group(1) + ":" + m.group(2), body);
        ex.getResponseHeaders().set("Docker-Content-Digest", sha256(body));
        respond(ex, 201, new byte[0]);
      } else {
        respond(ex, 404, "{\"errors\":[{\"code\":\"UNKNOWN\"}]}".getBytes());
      }
    }
  }

  private static String query(HttpExchange ex, String key) {
    String q = ex.getRequestURI().getQuery();
    for (String part : q == null ? new String[0] : q.split("&")) {
      if (part.startsWith(key + "=")) {
        return part.substring(key.length() + 1);
      }
    }
    return "";
  }

  private static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
    respond(ex, status, body, body.length);
  }

  private static void respond(HttpExchange ex, int status, byte[] body, long length)
      throws IOException {
    if (body == null || length == 0) {
      ex.getResponseHeaders().set("Content-Length", Long.toString(length));
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, length);
    ex.getResponseBody().write(body);
  }

  static String sha256(byte[] content) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
