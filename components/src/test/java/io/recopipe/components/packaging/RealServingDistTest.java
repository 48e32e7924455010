package io.recopipe.components.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealServingDistTest {
  @TempDir
  Path temp;

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
    assertEquals(3, image.layers().size());
    Path rootfs = temp.resolve("rootfs");
    image.extractTo(rootfs);
    assertArrayEquals(Files.readAllBytes(dist.get().resolve(ServingDist.JAR)),
        Files.readAllBytes(rootfs.resolve("app").resolve(ServingDist.JAR)));
    try (Stream<Path> libs = Files.list(dist.get().resolve("lib"));
        Stream<Path> copied = Files.list(rootfs.resolve("app/lib"))) {
      assertEquals(libs.filter(p -> p.toString().endsWith(".jar")).count(), copied.count());
    }
    assertEquals(ModelVersion.of(bundle),
        image.config().labels().get(ServingImage.LABEL_MODEL_VERSION));
  }
}
