package io.recopipe.components.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The compressed image layers that depend only on the serving dist (dependencies, application,
 * class-data archive), kept next to the dist ({@value #DIRECTORY}/) so a package step compresses
 * only its model layer: compressing the ~40 MB of jars and archive took most of a build, and they
 * are the same for every model of one dist.
 *
 * <p>The entries are Jib's own application-layer cache entries ({@code selectors/SELECTOR} naming
 * {@code layers/DIGEST/DIFF_ID}), linked into each build's private cache before it starts and taken
 * from it after it succeeds. Jib's selector covers each file's path, time and target, so a rebuilt
 * dist simply misses and its fresh layers replace the kept ones; an entry appears only whole
 * (written aside, then renamed), and a missing or unreadable one only costs a recompression, never
 * a different image.
 */
final class DistLayerCache {
  /** The directory under the dist. */
  static final String DIRECTORY = "image-layers";

  private static final String SELECTORS = "selectors";
  private static final String LAYERS = "layers";

  private final Path store;

  private DistLayerCache(Path store) {
    this.store = store;
  }

  /** The cache of {@code dist}'s layers. */
  static DistLayerCache of(ServingDist dist) {
    return new DistLayerCache(dist.directory().resolve(DIRECTORY));
  }

  /** The directory the entries live in. */
  Path directory() {
    return store;
  }

  /**
   * Links (or copies) every kept entry into the empty Jib application-layer cache {@code jibCache};
   * returns the digests of the layers it holds now. Entries that vanish meanwhile (another build
   * replacing them) are skipped.
   */
  Set<String> seed(Path jibCache) {
    Set<String> seeded = new HashSet<>();
    for (Path selector : list(store.resolve(SELECTORS))) {
      try {
        String digest = Files.readString(selector, StandardCharsets.UTF_8).strip();
        List<Path> blobs = list(store.resolve(LAYERS).resolve(digest));
        if (blobs.size() != 1) {
          continue;
        }
        Path layerDir = jibCache.resolve(LAYERS).resolve(digest);
        if (!Files.isDirectory(layerDir)) {
          Path aside = Files.createDirectories(jibCache.resolve("seed-" + UUID.randomUUID()));
          linkOrCopy(blobs.get(0), aside.resolve(blobs.get(0).getFileName()));
          Files.createDirectories(layerDir.getParent());
          Files.move(aside, layerDir, StandardCopyOption.ATOMIC_MOVE);
        }
        Path target = jibCache.resolve(SELECTORS).resolve(selector.getFileName());
        Files.createDirectories(target.getParent());
        Files.writeString(target, digest, StandardCharsets.UTF_8);
        seeded.add(digest);
      } catch (IOException e) {
        // that layer is compressed again by the build
      }
    }
    return seeded;
  }

  /**
   * After a successful build with {@code jibCache}: keeps its entries of the layers with diff ids
   * {@code distDiffIds} (the image's layers but the model's, which is new for every model), and
   * drops the kept entries this build did not use (an earlier dist's); returns the digests of the
   * layers kept.
   *
   * @throws IOException when the dist directory cannot be written (then nothing is kept)
   */
  Set<String> keep(Path jibCache, List<String> distDiffIds) throws IOException {
    Set<String> wanted = new HashSet<>();
    distDiffIds.forEach(id -> wanted.add(id.startsWith("sha256:") ? id.substring(7) : id));
    Set<String> selectors = new HashSet<>();
    Set<String> digests = new HashSet<>();
    for (Path selector : list(jibCache.resolve(SELECTORS))) {
      String digest = Files.readString(selector, StandardCharsets.UTF_8).strip();
      List<Path> blobs = list(jibCache.resolve(LAYERS).resolve(digest));
      if (blobs.size() != 1 || !wanted.contains(blobs.get(0).getFileName().toString())) {
        continue;
      }
      Path layerDir = store.resolve(LAYERS).resolve(digest);
      if (list(layerDir).size() != 1) {
        Path aside = Files.createDirectories(store.resolve("tmp-" + UUID.randomUUID()));
        linkOrCopy(blobs.get(0), aside.resolve(blobs.get(0).getFileName()));
        deleteQuietly(layerDir);
        Files.createDirectories(layerDir.getParent());
        move(aside, layerDir);
      }
      Path kept = store.resolve(SELECTORS).resolve(selector.getFileName());
      if (!Files.isRegularFile(kept)) {
        Files.createDirectories(kept.getParent());
        Path temp = Files.createTempFile(store, ".selector", ".tmp");
        Files.writeString(temp, digest, StandardCharsets.UTF_8);
        move(temp, kept);
      }
      selectors.add(selector.getFileName().toString());
      digests.add(digest);
    }
    prune(selectors, digests);
    return digests;
  }

  /** Removes the kept selectors and layers this build did not use. */
  private void prune(Set<String> selectors, Set<String> digests) {
    for (Path selector : list(store.resolve(SELECTORS))) {
      if (!selectors.contains(selector.getFileName().toString())) {
        selector.toFile().delete();
      }
    }
    for (Path layer : list(store.resolve(LAYERS))) {
      if (!digests.contains(layer.getFileName().toString())) {
        deleteQuietly(layer);
      }
    }
  }

  private static void linkOrCopy(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING); // another file system
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
      deleteQuietly(from); // another build kept the same entry first
    } catch (AtomicMoveNotSupportedException e) {
      deleteQuietly(from);
      throw e;
    }
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return new ArrayList<>(files.sorted().toList());
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void deleteQuietly(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover entry is never used without its selector
    }
  }
}
