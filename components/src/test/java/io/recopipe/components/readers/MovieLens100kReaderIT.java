package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads the real MovieLens 100K (never committed: found via {@code ML100K_DIR} or by walking up to
 * {@code shared/data/ml-100k}); skipped with a message where it is absent.
 */
class MovieLens100kReaderIT {
  private static Path dataDir;

  @BeforeEach
  void locate() {
    dataDir = find();
    Assumptions.assumeTrue(
        dataDir != null && Files.isRegularFile(dataDir.resolve("u.data")),
        "ML-100K not found at "
            + (dataDir == null
                ? "shared/data/ml-100k above " + Path.of("").toAbsolutePath()
                : dataDir)
            + "; set ML100K_DIR");
  }

  private static Path find() {
    String fromEnv = System.getenv("ML100K_DIR");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data").resolve("ml-100k");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Test
  void readsTheWholeReleaseWithCatalogs() throws IOException {
    Dataset dataset = DatasetReader.read(dataDir);
    ReaderReport report = dataset.report();
    assertEquals(DatasetFormat.MOVIELENS_100K, report.format());
    assertEquals(100_000, dataset.ratings().size());
    assertEquals(943, dataset.ratings().users().size());
    assertEquals(1_682, dataset.ratings().items().size());
    assertEquals(0, report.duplicatesResolved());
    assertEquals(
        new TreeMap<>(Map.of(1f, 6_110L, 2f, 11_370L, 3f, 27_145L, 4f, 34_174L, 5f, 21_201L)),
        report.ratingHistogram());
    assertEquals(1_682, dataset.movies().orElseThrow().size());
    assertEquals(943, dataset.users().orElseThrow().size());
    Movie toyStory = dataset.movies().orElseThrow().get("1").orElseThrow();
    assertEquals("Toy Story (1995)", toyStory.title());
    assertTrue(toyStory.genres().contains("Animation"));
  }

  @Test
  void readsTheOfficialSplits() throws IOException {
    Dataset base = DatasetReader.read(dataDir.resolve("u1.base"));
    Dataset test = DatasetReader.read(dataDir.resolve("u1.test"));
    assertEquals(80_000, base.ratings().size());
    assertEquals(20_000, test.ratings().size());
  }
}
