package io.recopipe.components.ingest;

import static io.recopipe.components.ingest.IngestFixtures.ingest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The movielens-1m download against a local HTTP server (tests never touch the network). */
class MovieLensDownloadTest {
  @TempDir Path tmp;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private byte[] zipBytes;
  private String url;

  @BeforeEach
  void serve() throws IOException {
    Path zip =
        IngestFixtures.zip(
            IngestFixtures.oneM(tmp.resolve("src")), "ml-1m", tmp.resolve("served.zip"));
    zipBytes = Files.readAllBytes(zip);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/datasets/movielens/ml-1m.zip",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(200, zipBytes.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(zipBytes);
          }
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/datasets/movielens/ml-1m.zip";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Map<String, String> parameters(String checksum) {
    return Map.of("source", "movielens-1m", "url", url, "checksum", checksum);
  }

  @Test
  void downloadsOnceVerifiesAndReusesTheCache() throws Exception {
    String checksum = MovieLensDownload.sha256(tmp.resolve("served.zip"));
    TestStepContext first = ingest(tmp.resolve("run1"), parameters(checksum));
    assertEquals(1, requests.get());
    assertEquals(5.0, first.metrics.get("rows"));
    Path cached = tmp.resolve("run1/cache/downloads/ml-1m-" + checksum.substring(0, 12) + ".zip");
    assertTrue(Files.isRegularFile(cached));
    try (Stream<Path> files = Files.list(cached.getParent())) {
      assertEquals(List.of(cached), files.toList(), "no temp files left");
    }
    // a second run with the same cache directory makes no request
    Files.createDirectories(tmp.resolve("run2"));
    Files.move(tmp.resolve("run1/cache"), tmp.resolve("run2/cache"));
    TestStepContext second = ingest(tmp.resolve("run2"), parameters(checksum));
    assertEquals(1, requests.get());
    assertEquals(
        IngestFixtures.read(first, DatasetLayout.RATINGS),
        IngestFixtures.read(second, DatasetLayout.RATINGS));
    assertTrue(IngestFixtures.read(second, DatasetLayout.REPORT).contains(url));
  }

  @Test
  void checksumMismatchFailsAndCachesNothing() throws Exception {
    String wrong = "0".repeat(64);
    ComponentException e =
        assertThrows(ComponentException.class, () -> ingest(tmp.resolve("run"), parameters(wrong)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "ingest.source: "
                    + url
                    + ": SHA-256 mismatch: expected "
                    + wrong
                    + ", found "
                    + MovieLensDownload.sha256(tmp.resolve("served.zip"))),
        e.getMessage());
    try (Stream<Path> files = Files.list(tmp.resolve("run/cache/downloads"))) {
      assertEquals(0, files.count());
    }
    assertFalse(Files.exists(tmp.resolve("run/out/dataset/ratings.tsv")));
  }

  @Test
  void corruptCachedFileIsDownloadedAgain() throws Exception {
    String checksum = MovieLensDownload.sha256(tmp.resolve("served.zip"));
    Path cached = tmp.resolve("run/cache/downloads/ml-1m-" + checksum.substring(0, 12) + ".zip");
    IngestFixtures.write(cached, "truncated");
    ingest(tmp.resolve("run"), parameters(checksum));
    assertEquals(1, requests.get());
    assertEquals(checksum, MovieLensDownload.sha256(cached));
  }

  @Test
  void httpErrorsAndBadChecksumsAreOneLine() {
    String missing = url.replace("/datasets/", "/elsewhere/");
    ComponentException notFound =
        assertThrows(
            ComponentException.class,
            () -> ingest(tmp.resolve("run"), Map.of("source", "movielens-1m", "url", missing)));
    assertEquals(
        "ingest.source: " + missing + ": download failed: HTTP 404", notFound.getMessage());
    ComponentException badChecksum =
        assertThrows(ComponentException.class, () -> ingest(tmp.resolve("run"), parameters("xyz")));
    assertEquals(
        "ingest.checksum: expected 64 hex digits (a SHA-256), found 'xyz'",
        badChecksum.getMessage());
  }

  @Test
  void defaultsAreTheOfficialArchive() {
    assertEquals(
        "https://files.grouplens.org/datasets/movielens/ml-1m.zip", IngestOptions.MOVIELENS_1M_URL);
    assertEquals(
        "a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20",
        IngestOptions.MOVIELENS_1M_SHA256);
  }
}
