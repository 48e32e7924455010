package io.recopipe.components.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages the serving dist this build made, so the image (layers, class-data archive, entrypoint)
 * is checked against the real server rather than a stand-in.
 */
class RealServingDistTest {
  @TempDir Path temp;

  @Test
  void packagesTheBuiltServingDistWithARealBundle() throws Exception {
    Optional<Path> dist = ServingDist.findUpward(Path.of("").toAbsolutePath());
    assumeTrue(dist.isPresent(), "no serving/target/dist above the working directory");
    Path bundle = PackagingFixtures.bundle(temp.resolve("bundle"), 3);
    PackagingContext ctx = new PackagingContext(temp.resolve("run"), bundle, "run-9");
    // found by walking up from the working directory, as in a real run
    new PackageComponent(Map.of(), Path.of("").toAbsolutePath()).run(ctx);
    Path out = temp.resolve("run/out/image");

    ImageTarball image = ImageTarball.open(out.resolve("image.tar"));
    assertEquals(
        List.of(
            ServingImage.DEPENDENCIES,
            ServingImage.APPLICATION,
            ServingImage.CLASS_DATA,
            ServingImage.MODEL),
        ImageDescription.read(out).layers().stream().map(ImageDescription.Layer::name).toList());
    Path rootfs = temp.resolve("rootfs");
    image.extractTo(rootfs);
    assertEquals(
        List.of("-XX:SharedArchiveFile=app/serving.jsa", "-Xshare:auto"),
        image.config().entrypoint().subList(1, 3));
    assertEquals(
        ServingImage.STARTUP_JVM_OPTIONS,
        image.config().entrypoint().subList(3, 3 + ServingImage.STARTUP_JVM_OPTIONS.size()));
    assertArrayEquals(
        Files.readAllBytes(dist.get().resolve(ServingDist.JAR)),
        Files.readAllBytes(rootfs.resolve("app").resolve(ServingDist.JAR)));
    try (Stream<Path> libs = Files.list(dist.get().resolve("lib"));
        Stream<Path> copied = Files.list(rootfs.resolve("app/lib"))) {
      assertEquals(libs.filter(p -> p.toString().endsWith(".jar")).count(), copied.count());
    }
    assertEquals(
        ModelVersion.of(bundle), image.config().labels().get(ServingImage.LABEL_MODEL_VERSION));
    assertArchiveFitsTheImage(image.config().entrypoint(), rootfs);
  }

  /**
   * Runs the entrypoint's JVM from the unpacked root (the image's working directory) with the
   * archive required ({@code -Xshare:on}): the JVM refuses to start when the archive does not match
   * the class path and jars, and here it gets as far as the server's flag check (exit 2).
   */
  private static void assertArchiveFitsTheImage(List<String> entrypoint, Path rootfs)
      throws Exception {
    List<String> command =
        new ArrayList<>(entrypoint.subList(0, entrypoint.indexOf(ServingImage.MAIN_CLASS) + 1));
    command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.set(command.indexOf("-Xshare:auto"), "-Xshare:on");
    command.add("--no-such-flag");
    Process java =
        new ProcessBuilder(command).directory(rootfs.toFile()).redirectErrorStream(true).start();
    String output = new String(java.getInputStream().readAllBytes());
    assertEquals(2, java.waitFor(), output);
    assertTrue(output.contains("unknown flag --no-such-flag"), output);
  }
}
