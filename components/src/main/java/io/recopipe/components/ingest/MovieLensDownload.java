package io.recopipe.components.ingest;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Downloads an archive once into the download cache, verifying its SHA-256, as the seeds fetch
 * MovieLens 1M: the file is written under a temporary name and renamed only after the checksum
 * matches, so the cache never holds a partial or corrupt archive, and a cached file is re-hashed
 * before reuse.
 */
final class MovieLensDownload {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final URI url;
  private final String sha256;
  private final Path directory;
  private final StepLog log;

  MovieLensDownload(URI url, String sha256, Path directory, StepLog log) {
    this.url = url;
    this.sha256 = sha256.toLowerCase(Locale.ROOT);
    this.directory = directory;
    this.log = log;
  }

  /** The cached archive, downloading it first when it is missing or does not hash right. */
  Path fetch() throws ComponentException, IOException {
    Path target = directory.resolve(cacheName());
    if (Files.isRegularFile(target)) {
      if (sha256(target).equals(sha256)) {
        log.info("ingest: using cached " + target);
        return target;
      }
      log.info("ingest: cached " + target + " does not match its checksum; downloading again");
      Files.delete(target);
    }
    Files.createDirectories(directory);
    Path temp =
        directory.resolve(
            "."
                + target.getFileName()
                + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".part");
    try {
      download(temp);
      String actual = sha256(temp);
      if (!actual.equals(sha256)) {
        throw new ComponentException(
            "ingest.source: "
                + url
                + ": SHA-256 mismatch: expected "
                + sha256
                + ", found "
                + actual
                + " (a corrupt download or a changed file; set"
                + " ingest.checksum if the new file is trusted)");
      }
      move(temp, target);
      return target;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The file name: the URL's, tagged with the checksum so a new checksum never reuses it. */
  String cacheName() {
    String path = url.getPath() == null ? "" : url.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (!name.matches("[A-Za-z0-9._-]+")) {
      name = "download.zip";
    }
    int dot = name.lastIndexOf('.');
    String tag = "-" + sha256.substring(0, 12);
    return dot > 0 ? name.substring(0, dot) + tag + name.substring(dot) : name + tag;
  }

  private void download(Path temp) throws ComponentException, IOException {
    log.progress("ingest: downloading " + url);
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComponentException("ingest.source: " + url + ": download interrupted", e);
    } catch (IOException e) {
      throw new ComponentException(
          "ingest.source: "
              + url
              + ": download failed: "
              + e
              + " (for offline use pass a local copy or a preset:… source)",
          e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new ComponentException(
            "ingest.source: " + url + ": download failed: HTTP " + response.statusCode());
      }
      long bytes = Files.copy(body, temp, StandardCopyOption.REPLACE_EXISTING);
      log.progress(String.format(Locale.ROOT, "ingest: downloaded %,d bytes", bytes));
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
