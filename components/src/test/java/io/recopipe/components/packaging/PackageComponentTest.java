package io.recopipe.components.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ComponentException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageComponentTest {
  @TempDir Path temp;

  private Path build(String name, Path bundle, Path dist, String... params) throws Exception {
    PackagingContext ctx = new PackagingContext(temp.resolve(name), bundle, "run-7");
    ctx.set("serving_dist", dist.toString());
    for (int i = 0; i < params.length; i += 2) {
      ctx.set(params[i], params[i + 1]);
    }
    new PackageComponent(Map.of(), temp).run(ctx);
    assertTrue(ctx.metrics.get("image_bytes") > 0);
    return temp.resolve(name).resolve("out/image");
  }

  private static List<String> layerPaths(ImageTarball image, int layer) throws Exception {
    List<String> paths = new ArrayList<>();
    try (InputStream in = image.openLayer(layer)) {
      TarArchiveInputStream tar = new TarArchiveInputStream(in);
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (LayerExtractor.isRegularFile(e)) {
          paths.add("/" + LayerExtractor.relative(e.getName()));
        }
      }
    }
    return paths;
  }

  @Test
  void buildsThreeLayersWithEntrypointPortAndLabels() throws Exception {
    Path bundle = PackagingFixtures.bundle(temp.resolve("bundle"), 1);
    Path dist = PackagingFixtures.servingDist(temp.resolve("dist"));
    Path out = build("a", bundle, dist);

    ImageTarball image = ImageTarball.open(out.resolve("image.tar"));
    assertEquals(3, image.layers().size());
    assertEquals(List.of("/app/lib/alpha-1.0.jar", "/app/lib/beta-2.0.jar"), layerPaths(image, 0));
    assertEquals(List.of("/app/recopipe-serving.jar"), layerPaths(image, 1));
    List<String> model = layerPaths(image, 2);
    assertTrue(model.contains("/model/manifest.json"), model.toString());
    try (Stream<Path> files = Files.list(bundle)) {
      assertEquals(files.count(), model.size());
    }
    ImageConfig config = image.config();
    List<String> expected = new ArrayList<>(List.of("java"));
    expected.addAll(ServingImage.STARTUP_JVM_OPTIONS);
    expected.addAll(
        List.of(
            "--add-modules",
            "jdk.incubator.vector",
            "-cp",
            "app/recopipe-serving.jar:app/lib/alpha-1.0.jar:app/lib/beta-2.0.jar",
            "io.recopipe.serving.ServingMain",
            "--bundle",
            "/model",
            "--port",
            "8080"));
    assertEquals(
        expected,
        config.entrypoint(),
        "no class-data archive (the dist has no server to dump it from), start-up options");
    assertEquals(List.of(8080), config.ports());
    String version = ModelVersion.of(bundle);
    assertEquals(12, version.length());
    assertEquals(
        Map.of(
            "io.recopipe.model-version",
            version,
            "io.recopipe.model-name",
            "recommender_model",
            ServingImage.LABEL_SERVING_SETTINGS,
            ServingResources.CLOUD_RUN_DEFAULT.describe()),
        config.labels());
    assertEquals("1970-01-01T00:00:00Z", config.created());
    assertEquals(
        List.of("recopipe/recommender:model-" + ModelVersion.of(bundle)),
        image.repoTags(),
        "the default tag is the model version, the same in every run");

    ImageDescription description = ImageDescription.read(out);
    assertEquals("recopipe/recommender:model-" + ModelVersion.of(bundle), description.image());
    assertEquals("scratch", description.base());
    assertTrue(description.digest().matches("sha256:[0-9a-f]{64}"));
    assertTrue(description.imageId().matches("sha256:[0-9a-f]{64}"));
    assertEquals(config.entrypoint(), description.entrypoint());
    assertEquals(List.of(8080), description.ports());
    assertEquals(config.labels(), description.labels());
    assertEquals(
        List.of("dependencies", "application", "model"),
        description.layers().stream().map(ImageDescription.Layer::name).toList());
    for (int i = 0; i < 3; i++) {
      assertEquals(image.layers().get(i).digest(), description.layers().get(i).digest());
      assertEquals(image.layers().get(i).size(), description.layers().get(i).size());
    }
  }

  @Test
  void sameInputsGiveIdenticalBytes() throws Exception {
    Path bundle = PackagingFixtures.bundle(temp.resolve("bundle"), 1);
    Path dist = PackagingFixtures.servingDist(temp.resolve("dist"));
    Path first = build("a", bundle, dist);
    Path second = build("b", bundle, dist);
    assertArrayEquals(
        Files.readAllBytes(first.resolve("image.tar")),
        Files.readAllBytes(second.resolve("image.tar")));
    assertEquals(
        Files.readString(first.resolve("image.json")),
        Files.readString(second.resolve("image.json")));

    Path other = PackagingFixtures.bundle(temp.resolve("bundle2"), 2);
    Path third = build("c", other, dist);
    assertFalse(
        ImageDescription.read(first).digest().equals(ImageDescription.read(third).digest()));
    assertEquals(
        ImageDescription.read(first).layers().get(0),
        ImageDescription.read(third).layers().get(0),
        "unchanged dependencies layer");
  }

  @Test
  void dockerSaveTarballBaseComesFirst() throws Exception {
    Path base = PackagingFixtures.baseTarball(temp.resolve("base"));
    Path bundle = PackagingFixtures.bundle(temp.resolve("bundle"), 1);
    Path dist = PackagingFixtures.servingDist(temp.resolve("dist"));
    Path out =
        build(
            "a",
            bundle,
            dist,
            "base_image",
            "docker-save:" + base,
            "image_name",
            "example/reco",
            "image_tag",
            "v1",
            "model_name",
            "movies");

    ImageTarball image = ImageTarball.open(out.resolve("image.tar"));
    ImageTarball baseImage = ImageTarball.open(base);
    assertEquals(4, image.layers().size());
    assertEquals(baseImage.layers().get(0).diffId(), image.layers().get(0).diffId());
    assertEquals(List.of("/etc/os-release"), layerPaths(image, 0));
    assertEquals("movies", image.config().labels().get("io.recopipe.model-name"));
    List<String> entrypoint = image.config().entrypoint();
    assertEquals(
        List.of("--model-name", "movies"),
        entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));
    ImageDescription description = ImageDescription.read(out);
    assertEquals("example/reco:v1", description.image());
    assertEquals(
        List.of("base", "dependencies", "application", "model"),
        description.layers().stream().map(ImageDescription.Layer::name).toList());

    Path again =
        build(
            "b",
            bundle,
            dist,
            "base_image",
            "tar:" + base,
            "image_name",
            "example/reco",
            "image_tag",
            "v1",
            "model_name",
            "movies");
    assertEquals(description.digest(), ImageDescription.read(again).digest());
  }

  @Test
  void extractToReproducesTheFilesByteForByte() throws Exception {
    Path base = PackagingFixtures.baseTarball(temp.resolve("base"));
    Path bundle = PackagingFixtures.bundle(temp.resolve("bundle"), 1);
    Path dist = PackagingFixtures.servingDist(temp.resolve("dist"));
    Path out = build("a", bundle, dist, "base_image", "tar:" + base);
    Path rootfs = temp.resolve("rootfs");
    ImageTarball.open(out.resolve("image.tar")).extractTo(rootfs);

    assertEquals("ID=tiny\nVERSION_ID=1\n", Files.readString(rootfs.resolve("etc/os-release")));
    assertArrayEquals(
        Files.readAllBytes(dist.resolve("recopipe-serving.jar")),
        Files.readAllBytes(rootfs.resolve("app/recopipe-serving.jar")));
    assertArrayEquals(
        Files.readAllBytes(dist.resolve("lib/beta-2.0.jar")),
        Files.readAllBytes(rootfs.resolve("app/lib/beta-2.0.jar")));
    assertFalse(Files.exists(rootfs.resolve("app/lib/README.txt")));
    try (Stream<Path> files = Files.list(bundle)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        assertArrayEquals(
            Files.readAllBytes(file),
            Files.readAllBytes(rootfs.resolve("model").resolve(file.getFileName().toString())),
            file.toString());
      }
    }
    // the extracted bundle is a loadable bundle with the same version
    assertEquals(ModelVersion.of(bundle), ModelVersion.of(rootfs.resolve("model")));
    io.recopipe.model.bundle.ModelBundle.load(rootfs.resolve("model"));
  }

  @Test
  void badInputsFailInOneLineNamingTheParameter() throws Exception {
    Path bundle = PackagingFixtures.bundle(temp.resolve("bundle"), 1);
    Path dist = PackagingFixtures.servingDist(temp.resolve("dist"));
    Path notTar = Files.writeString(temp.resolve("not.tar"), "hello");

    assertOneLine("serving_dist", "nowhere", () -> build("x1", bundle, temp.resolve("nowhere")));
    assertOneLine(
        "recopipe-serving.jar",
        "empty",
        () -> build("x2", bundle, Files.createDirectories(temp.resolve("empty"))));
    assertOneLine(
        "base_image", "not.tar", () -> build("x3", bundle, dist, "base_image", "tar:" + notTar));
    assertOneLine(
        "base_image",
        "missing.tar",
        () ->
            build("x4", bundle, dist, "base_image", "docker-save:" + temp.resolve("missing.tar")));
    assertOneLine(
        "base_image",
        "ftp://",
        () -> build("x5", bundle, dist, "base_image", "ftp://example/base"));
    assertOneLine("image_tag", "bad tag", () -> build("x6", bundle, dist, "image_tag", "bad tag"));
    ComponentException unknown =
        assertThrows(ComponentException.class, () -> build("x7", bundle, dist, "colour", "red"));
    assertTrue(
        unknown.getMessage().startsWith("package.colour: unknown parameter (known: "),
        unknown.getMessage());

    PackagingContext ctx = new PackagingContext(temp.resolve("x8"), bundle, "run-7");
    ComponentException e =
        assertThrows(ComponentException.class, () -> new PackageComponent(Map.of(), temp).run(ctx));
    assertTrue(e.getMessage().contains("serving_dist"), e.getMessage());
    assertTrue(e.getMessage().contains("RECOPIPE_SERVING_DIST"), e.getMessage());
  }

  @Test
  void unreachableRegistryBaseFailsClearly() throws Exception {
    Path bundle = PackagingFixtures.bundle(temp.resolve("bundle"), 1);
    Path dist = PackagingFixtures.servingDist(temp.resolve("dist"));
    assertOneLine(
        "base_image",
        "localhost:1/distroless/java17",
        () -> build("r", bundle, dist, "base_image", "localhost:1/distroless/java17:nonroot"));
  }

  private static void assertOneLine(
      String mentions, String mentions2, org.junit.jupiter.api.function.Executable action) {
    ComponentException e = assertThrows(ComponentException.class, action);
    String message = e.getMessage();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.startsWith("package: "), message);
    assertTrue(message.contains(mentions), message);
    assertTrue(message.contains(mentions2), message);
  }
}
