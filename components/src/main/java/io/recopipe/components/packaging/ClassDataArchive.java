package io.recopipe.components.packaging;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * The serving image's class-data archive (AppCDS): the classes a server loads up to and through its
 * first requests, pre-parsed and pre-verified for this JVM build, so a server started with it skips
 * most class loading on its cold start. It is dumped by a training run of the real server ({@code
 * -XX:ArchiveClassesAtExit}) on a loaded bundle with a few requests (access log on, as a deployed
 * server runs), from the image's layout ({@code app/…} relative to the root, jars with the image's
 * file times), because the JVM uses an archive only with the exact class path and jar files it was
 * dumped with, and ignores it otherwise (a JVM of another build, e.g. a different base image,
 * starts as without it).
 *
 * <p>An archive depends on the dist's jars and the JVM, not on the model, so it is built once per
 * dist and JVM and kept next to the dist ({@code class-data/}), which also keeps the image bytes of
 * one bundle the same in any home.
 */
final class ClassDataArchive {
  /** The archive's path in the image, relative to its working directory (the root). */
  static final String IMAGE_PATH = "app/serving.jsa";

  /** The JVM options that make the entrypoint use the archive (ignored if it does not fit). */
  static final List<String> JVM_OPTIONS =
      List.of("-XX:SharedArchiveFile=" + IMAGE_PATH, "-Xshare:auto");

  /** The file time Jib gives every file in a layer: the archive records the jars' times. */
  static final FileTime LAYER_FILE_TIME = FileTime.fromMillis(1000);

  private static final String MAIN = "io/recopipe/serving/ServingMain.class";
  private static final long READY_SECONDS = 120;

  private ClassDataArchive() {}

  /**
   * The archive for {@code dist} on this JVM: the one kept next to the dist, else dumped now by a
   * training run on {@code bundleDir} asking for {@code userId}'s recommendations (in a scratch
   * directory under {@code workDir}); empty when the dist has no server to run.
   *
   * @throws IOException when the training run fails
   */
  static Optional<Path> obtain(
      ServingDist dist, Path bundleDir, String modelName, String userId, Path workDir)
      throws IOException {
    try (ZipFile jar = new ZipFile(dist.jar().toFile())) {
      if (jar.getEntry(MAIN) == null) {
        return Optional.empty();
      }
    }
    Path kept = dist.directory().resolve("class-data").resolve(key(dist) + ".jsa");
    if (Files.isRegularFile(kept)) {
      return Optional.of(kept);
    }
    Path scratch =
        Files.createDirectories(workDir)
            .resolve("class-data-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    Path dumped = dump(dist, bundleDir, modelName, userId, scratch);
    try {
      Files.createDirectories(kept.getParent());
      Path temp = Files.createTempFile(kept.getParent(), ".archive", ".tmp");
      Files.copy(dumped, temp, StandardCopyOption.REPLACE_EXISTING);
      move(temp, kept);
      deleteQuietly(scratch);
      pruneOthers(kept);
      return Optional.of(kept);
    } catch (IOException e) {
      return Optional.of(dumped); // the dist directory is read-only: use it from the scratch
    }
  }

  /** The image's class path, relative to its root: the application jar, then the libs. */
  static List<String> imageClassPath(ServingDist dist) {
    List<String> entries = new ArrayList<>();
    entries.add("app/" + ServingDist.JAR);
    for (Path lib : dist.libs()) {
      entries.add("app/lib/" + lib.getFileName());
    }
    return entries;
  }

  /** Lays the dist out as the image does and dumps the archive from a training run there. */
  private static Path dump(
      ServingDist dist, Path bundleDir, String modelName, String userId, Path scratch)
      throws IOException {
    Files.createDirectories(scratch.resolve("app/lib"));
    List<String> classPath = imageClassPath(dist);
    List<Path> jars = new ArrayList<>(List.of(dist.jar()));
    jars.addAll(dist.libs());
    for (int i = 0; i < jars.size(); i++) {
      Path copy = scratch.resolve(classPath.get(i));
      Files.copy(jars.get(i), copy, StandardCopyOption.REPLACE_EXISTING);
      Files.setLastModifiedTime(copy, LAYER_FILE_TIME);
    }
    List<Path> natives = ServingImage.nativeLibraries(dist);
    for (Path library : natives) { // loaded from the library path, as the image's server does
      Path copy =
          Files.createDirectories(scratch.resolve("app/" + ServingImage.NATIVE_DIR))
              .resolve(library.getFileName());
      Files.copy(library, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    Path state = scratch.resolve("state.json");
    List<String> command =
        new ArrayList<>(List.of(javaCommand(), "-XX:ArchiveClassesAtExit=" + IMAGE_PATH));
    if (!natives.isEmpty()) {
      command.add(ServingImage.NATIVE_LIBRARY_PATH);
    }
    command.addAll(
        List.of(
            "--add-modules",
            "jdk.incubator.vector",
            "-cp",
            String.join(":", classPath),
            "io.recopipe.serving.ServingMain",
            "--bundle",
            bundleDir.toAbsolutePath().toString(),
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--admin-port",
            "0",
            "--model-name",
            modelName,
            "--state-file",
            state.toString()));
    Path log = scratch.resolve("training-run.log");
    Process server =
        new ProcessBuilder(command)
            .directory(scratch.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      int port = awaitPort(server, state, log);
      exercise(port, modelName, userId);
    } finally {
      server.destroy(); // a graceful stop: the archive is written as the JVM exits
    }
    try {
      if (!server.waitFor(READY_SECONDS, TimeUnit.SECONDS)) {
        server.destroyForcibly();
        throw new IOException("the training run did not stop (see " + log + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.destroyForcibly();
      throw new IOException("interrupted while the training run stopped", e);
    }
    Path archive = scratch.resolve(IMAGE_PATH);
    if (!Files.isRegularFile(archive)) {
      throw new IOException("the training run wrote no archive (see " + log + ")");
    }
    return archive;
  }

  /** Waits for the training run's state file and returns its public port. */
  private static int awaitPort(Process server, Path state, Path log) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(state)) {
        String json = Files.readString(state);
        java.util.regex.Matcher port =
            java.util.regex.Pattern.compile("\"port\"\\s*:\\s*(\\d+)").matcher(json);
        if (port.find()) {
          return Integer.parseInt(port.group(1));
        }
      }
      if (!server.isAlive()) {
        throw new IOException(
            "the training run exited with code " + server.exitValue() + " (see " + log + ")");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the training run started", e);
      }
    }
    throw new IOException("the training run was not ready within " + READY_SECONDS + " s");
  }

  /** The requests a client makes first: probes, metadata, predictions and metrics. */
  private static void exercise(int port, String modelName, String userId) throws IOException {
    String model = "/v1/models/" + modelName;
    String user = userId.replace("\\", "\\\\").replace("\"", "\\\"");
    for (int round = 0; round < 3; round++) {
      request(port, "GET", "/readyz", null);
      request(port, "GET", "/healthz", null);
      request(port, "GET", model, null);
      request(port, "GET", model + "/metadata", null);
      request(port, "POST", model + ":predict", "{\"instances\":[{\"user_id\":\"" + user + "\"}]}");
      request(
          port,
          "POST",
          model + ":predict",
          "{\"instances\":[{\"user_id\":\"" + user + "\",\"k\":5,\"exclude_rated\":true}]}");
      request(port, "POST", model + ":predict", "{\"instances\":[{\"no_such_key\":1}]}");
      request(port, "GET", "/metrics", null);
    }
  }

  private static void request(int port, String method, String path, String body)
      throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
    connection.setRequestMethod(method);
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(30_000);
    if (body != null) {
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json");
      connection.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
    int status = connection.getResponseCode();
    (status < 400 ? connection.getInputStream() : connection.getErrorStream()).readAllBytes();
    connection.disconnect();
  }

  /** Names an archive by what it depends on: the JVM build and the dist's jar files. */
  private static String key(ServingDist dist) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder text =
        new StringBuilder(
            System.getProperty("java.vm.version") + "\n" + System.getProperty("java.home") + "\n");
    List<Path> jars = new ArrayList<>(List.of(dist.jar()));
    jars.addAll(dist.libs());
    for (Path jar : jars) {
      text.append(jar.getFileName())
          .append(' ')
          .append(Files.size(jar))
          .append(' ')
          .append(Files.getLastModifiedTime(jar).toMillis())
          .append('\n');
    }
    digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Removes the archives of earlier builds of the dist (their jars are gone). */
  private static void pruneOthers(Path kept) {
    try (java.util.stream.Stream<Path> files = Files.list(kept.getParent())) {
      files
          .filter(file -> !file.equals(kept) && file.toString().endsWith(".jsa"))
          .forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // an old archive left behind only takes space
    }
  }

  private static void deleteQuietly(Path dir) {
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover scratch directory is harmless
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
