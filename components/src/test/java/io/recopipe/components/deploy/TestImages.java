package io.recopipe.components.deploy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.BundleWriter;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.provenance.Provenance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds what the package step would hand to deploy, for tests: small model bundles and a
 * docker-save-style IMAGE artifact whose app layers run {@link FakeServing}.
 */
final class TestImages {
  private TestImages() {}

  /**
   * An unpacked image root under {@code dir} whose only jar holds the restart supervisor's class,
   * so the launcher builds the supervised command; returns the root.
   */
  static Path rootfsWithSupervisor(Path dir) throws IOException {
    Path app = Files.createDirectories(dir.resolve("rootfs/app"));
    try (ZipOutputStream jar = new ZipOutputStream(Files.newOutputStream(app.resolve("a.jar")))) {
      jar.putNextEntry(new ZipEntry(ServingLauncher.SUPERVISOR.replace('.', '/') + ".class"));
      jar.closeEntry();
    }
    return app.getParent();
  }

  /** Writes a random bundle of 40 users × 30 items at {@code dir}. */
  static Path bundle(Path dir, long seed) throws IOException {
    return bundle(dir, seed, null);
  }

  /** The same bundle recording rating range {@code range} (null: none). */
  static Path bundle(Path dir, long seed, RatingRange range) throws IOException {
    Random random = new Random(seed);
    int users = 40;
    int items = 30;
    int k = 4;
    List<String> userIds = new ArrayList<>();
    List<String> itemIds = new ArrayList<>();
    for (int u = 1; u <= users; u++) {
      userIds.add(Integer.toString(u));
    }
    for (int i = 1; i <= items; i++) {
      itemIds.add(Integer.toString(100 + i));
    }
    MfModel model =
        new MfModel(
            IdDictionary.of(userIds),
            IdDictionary.of(itemIds),
            k,
            3.5f,
            floats(random, users * k),
            floats(random, users),
            floats(random, items * k),
            floats(random, items));
    BundleManifest manifest =
        BundleManifest.builder()
            .feedbackType("EXPLICIT")
            .provenance(Provenance.of(seed, "sha256:test" + seed))
            .ratingRange(range)
            .build();
    BundleWriter.write(dir, model, manifest);
    return dir;
  }

  private static float[] floats(Random random, int n) {
    float[] values = new float[n];
    for (int j = 0; j < n; j++) {
      values[j] = (float) random.nextGaussian() * 0.5f;
    }
    return values;
  }

  /** Writes an IMAGE artifact at {@code dir} holding the fake server and {@code bundle}. */
  static Path image(Path dir, Path bundle) throws Exception {
    Files.createDirectories(dir);
    byte[] app =
        tar(
            Map.of(
                "app/recopipe-serving.jar",
                jar(codeSource(FakeServing.class), "io/recopipe/components/deploy/FakeServing")));
    Path model = codeSource(MfModel.class);
    byte[] modelJar = Files.isDirectory(model) ? jar(model, "") : Files.readAllBytes(model);
    Map<String, byte[]> libs = new LinkedHashMap<>();
    libs.put("app/lib/recopipe-model.jar", modelJar);
    for (Class<?> jackson : List.of(JsonNode.class, JsonFactory.class, JsonAutoDetect.class)) {
      Path jar = codeSource(jackson); // the model reads its manifest with Jackson
      libs.put("app/lib/" + jar.getFileName(), Files.readAllBytes(jar));
    }
    byte[] lib = tar(libs);
    Map<String, byte[]> bundleFiles = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(bundle)) {
      for (Path f : files.sorted().toList()) {
        bundleFiles.put("model/" + f.getFileName(), Files.readAllBytes(f));
      }
    }
    byte[] modelLayer = tar(bundleFiles);
    String manifest =
        "[{\"Config\":\"config.json\",\"RepoTags\":[\"recopipe:test\"],"
            + "\"Layers\":[\"lib.tar.gz\",\"app.tar.gz\",\"model.tar\"]}]";
    Map<String, byte[]> outer = new LinkedHashMap<>();
    outer.put("lib.tar.gz", gzip(lib));
    outer.put("app.tar.gz", gzip(app));
    outer.put("model.tar", modelLayer);
    outer.put("config.json", "{}".getBytes(StandardCharsets.UTF_8));
    outer.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("image.tar"), tar(outer));
    String digest = "sha256:" + Long.toHexString(System.nanoTime()) + "0123456789abcdef";
    Files.writeString(
        dir.resolve("image.json"),
        "{\"image\":\"recopipe:test\",\"digest\":\""
            + digest
            + "\",\"base\":\"scratch\",\"entrypoint\":[\"java\",\"-cp\","
            + "\"/app/recopipe-serving.jar:/app/lib/*\",\""
            + FakeServing.class.getName()
            + "\",\"--bundle\",\"/model\",\"--port\",\"8080\"]}");
    return dir;
  }

  private static Path codeSource(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** A jar of the class files under {@code root} whose path starts with {@code prefix}. */
  private static byte[] jar(Path root, String prefix) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream out = new JarOutputStream(bytes);
        Stream<Path> walk = Files.walk(root)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = root.relativize(f).toString().replace('\\', '/');
        if (name.startsWith(prefix)) {
          out.putNextEntry(new ZipEntry(name));
          out.write(Files.readAllBytes(f));
          out.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }

  /** A ustar archive of {@code files} (name → content), with their parent directories. */
  static byte[] tar(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      int slash = e.getKey().lastIndexOf('/');
      if (slash > 0) {
        header(out, "./" + e.getKey().substring(0, slash + 1), 0, '5');
      }
      header(out, e.getKey(), e.getValue().length, '0');
      out.write(e.getValue());
      out.write(new byte[(512 - e.getValue().length % 512) % 512]);
    }
    out.write(new byte[1024]);
    return out.toByteArray();
  }

  private static void header(OutputStream out, String name, long size, char type)
      throws IOException {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", size));
    put(h, 136, String.format("%011o", 0));
    h[156] = (byte) type;
    put(h, 257, "ustar");
    put(h, 263, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    out.write(h);
  }

  private static void put(byte[] h, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, h, offset, bytes.length);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }
}
