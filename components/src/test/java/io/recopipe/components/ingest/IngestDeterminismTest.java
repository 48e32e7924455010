package io.recopipe.components.ingest;

import static io.recopipe.components.ingest.IngestFixtures.ingest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.validation.DataProfile;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identical inputs and parameters give identical bytes (caching and resume compare hashes). */
class IngestDeterminismTest {
  @Test
  void sameInputSameBytesWhateverTheRowOrder(@TempDir Path tmp) throws Exception {
    Path a = IngestFixtures.hundredK(tmp.resolve("a"));
    Path b = IngestFixtures.hundredK(tmp.resolve("b"));
    List<String> lines = new ArrayList<>(Files.readAllLines(a.resolve("u.data")));
    Collections.shuffle(lines, new Random(5));
    Files.write(b.resolve("u.data"), lines);
    Path source = tmp.resolve("source");
    Files.createDirectories(source);
    for (Path dir : List.of(a, b)) {
      Path run = tmp.resolve("run-" + dir.getFileName());
      Files.move(dir, source.resolve("ml-100k"));
      ingest(
          run,
          Map.of(
              "source",
              source.resolve("ml-100k").toString(),
              "split",
              "random",
              "eval_fraction",
              "0.3"));
      Files.move(source.resolve("ml-100k"), dir);
    }
    assertSameFiles(tmp.resolve("run-a/out/dataset"), tmp.resolve("run-b/out/dataset"));
  }

  @Test
  void presetTwiceSameBytes(@TempDir Path tmp) throws Exception {
    Map<String, String> parameters = Map.of("source", "preset:ml-100k", "seed", "11");
    ingest(tmp.resolve("1"), parameters);
    ingest(tmp.resolve("2"), parameters);
    assertSameFiles(tmp.resolve("1/out/dataset"), tmp.resolve("2/out/dataset"));
  }

  @Test
  void publishRecreatesTablesFromTheOutput(@TempDir Path tmp) throws Exception {
    TestStepContext context =
        ingest(tmp, Map.of("source", IngestFixtures.hundredK(tmp.resolve("ml-100k")).toString()));
    try (DuckDbWarehouse fresh = DuckDbWarehouse.open(tmp.resolve("fresh.duckdb"))) {
      new IngestComponent()
          .publish(
              new TestStepContext(
                  tmp, fresh, context.metrics.isEmpty() ? Map.of() : Map.of("source", "ignored")));
      assertEquals(
          List.of(List.of(8L, 4L)),
          fresh
              .query("SELECT (SELECT COUNT(*) FROM ratings)," + " (SELECT COUNT(*) FROM movies)")
              .rows());
    }
  }

  static void assertSameFiles(Path left, Path right) throws Exception {
    List<String> names;
    try (Stream<Path> files = Files.list(left)) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    try (Stream<Path> files = Files.list(right)) {
      assertEquals(names, files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    for (String name : names) {
      assertArrayEquals(
          Files.readAllBytes(left.resolve(name)), Files.readAllBytes(right.resolve(name)), name);
    }
    assertEquals(
        List.of(
                DataProfile.FILE,
                DatasetLayout.EVAL,
                DatasetLayout.MOVIES,
                DatasetLayout.RATINGS,
                DatasetLayout.REPORT,
                DatasetLayout.SCHEMA,
                DatasetLayout.TRAIN,
                DatasetLayout.USERS)
            .stream()
            .filter(names::contains)
            .toList(),
        names);
  }
}
