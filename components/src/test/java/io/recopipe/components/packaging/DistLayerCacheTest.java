package io.recopipe.components.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistLayerCacheTest {
  @TempDir Path temp;

  private PackagingContext build(String name, Path bundle, Path dist) throws Exception {
    PackagingContext ctx = new PackagingContext(temp.resolve(name), bundle, "run-" + name);
    ctx.set("serving_dist", dist.toString());
    new PackageComponent(Map.of(), temp).run(ctx);
    return ctx;
  }

  private Path tar(String name) {
    return temp.resolve(name).resolve("out/image/image.tar");
  }

  private static Set<String> keptDigests(Path dist) throws IOException {
    Path layers = dist.resolve(DistLayerCache.DIRECTORY).resolve("layers");
    try (Stream<Path> dirs = Files.list(layers)) {
      return dirs.map(d -> "sha256:" + d.getFileName()).collect(Collectors.toSet());
    }
  }

  private static Set<String> digests(Path tar, int from, int to) throws IOException {
    return ImageTarball.open(tar).layers().subList(from, to).stream()
        .map(ImageLayer::digest)
        .collect(Collectors.toSet());
  }

  @Test
  void keepsTheDistLayersButNeverTheModelAndReusesThemForTheSameBytes() throws Exception {
    Path bundle = PackagingFixtures.bundle(temp.resolve("bundle"), 1);
    Path dist = PackagingFixtures.servingDist(temp.resolve("dist"));
    PackagingContext first = build("a", bundle, dist);
    assertTrue(
        first.info.stream().anyMatch(l -> l.startsWith("kept the serving dist's image")),
        first.info.toString());
    assertEquals(digests(tar("a"), 0, 2), keptDigests(dist), "dependencies and application");

    Path other = PackagingFixtures.bundle(temp.resolve("bundle2"), 2);
    PackagingContext second = build("b", other, dist);
    assertTrue(
        second.info.stream().anyMatch(l -> l.startsWith("reused 2 image layers")),
        second.info.toString());
    assertEquals(digests(tar("a"), 0, 2), keptDigests(dist), "the model layer is never kept");

    PackagingContext again = build("c", bundle, dist);
    assertTrue(again.info.stream().anyMatch(l -> l.startsWith("reused 2 image layers")));
    assertArrayEquals(
        Files.readAllBytes(tar("a")),
        Files.readAllBytes(tar("c")),
        "a reused layer gives the same image bytes");
  }

  @Test
  void aRebuiltDistReplacesTheKeptLayers() throws Exception {
    Path bundle = PackagingFixtures.bundle(temp.resolve("bundle"), 1);
    Path dist = PackagingFixtures.servingDist(temp.resolve("dist"));
    build("a", bundle, dist);
    Set<String> before = keptDigests(dist);

    Path jar = dist.resolve("lib/alpha-1.0.jar");
    Files.write(jar, Files.readAllBytes(dist.resolve("lib/beta-2.0.jar")));
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
    PackagingContext rebuilt = build("b", bundle, dist);
    assertTrue(
        rebuilt.info.stream().anyMatch(l -> l.startsWith("reused 1 image layers")),
        "only the application layer is unchanged: " + rebuilt.info);
    Set<String> after = keptDigests(dist);
    assertEquals(digests(tar("b"), 0, 2), after);
    assertFalse(after.containsAll(before), "the old dependencies layer was dropped");
  }

  @Test
  void aDamagedEntryIsCompressedAgain() throws Exception {
    Path bundle = PackagingFixtures.bundle(temp.resolve("bundle"), 1);
    Path dist = PackagingFixtures.servingDist(temp.resolve("dist"));
    build("a", bundle, dist);
    Path layers = dist.resolve(DistLayerCache.DIRECTORY).resolve("layers");
    try (Stream<Path> dirs = Files.list(layers)) {
      for (Path dir : dirs.toList()) {
        try (Stream<Path> blobs = Files.list(dir)) {
          for (Path blob : blobs.toList()) {
            Files.delete(blob); // an entry without its blob, as a crash could leave it
          }
        }
      }
    }
    PackagingContext next = build("b", bundle, dist);
    assertTrue(
        next.info.stream().anyMatch(l -> l.startsWith("kept the serving dist's image")),
        next.info.toString());
    assertArrayEquals(Files.readAllBytes(tar("a")), Files.readAllBytes(tar("b")));
    assertEquals(
        List.copyOf(new java.util.TreeSet<>(digests(tar("b"), 0, 2))),
        List.copyOf(new java.util.TreeSet<>(keptDigests(dist))));
  }
}
