package io.recopipe.components.ingest;

import static io.recopipe.components.ingest.IngestFixtures.ingest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests the real MovieLens 100K and 1M (never committed: found via {@code ML100K_DIR} / {@code
 * ML1M_DIR} or by walking up to {@code shared/data/}), skipped with a message where absent, and
 * prints the ingest times quoted in the closing note.
 */
class IngestRealDataIT {
  private static Path find(String env, String name) {
    String fromEnv = System.getenv(env);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data").resolve(name);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static Path require(String env, String name, String marker) {
    Path dir = find(env, name);
    Assumptions.assumeTrue(
        dir != null && Files.isRegularFile(dir.resolve(marker)),
        name
            + " ("
            + marker
            + ") not found at "
            + (dir == null ? "shared/data/" + name + " above " + Path.of("").toAbsolutePath() : dir)
            + "; set "
            + env);
    return dir;
  }

  @Test
  void movieLens100k(@TempDir Path tmp) throws Exception {
    Path data = require("ML100K_DIR", "ml-100k", "u.data");
    long start = System.nanoTime();
    TestStepContext context = ingest(tmp, Map.of("source", data.toString()));
    System.out.printf(
        "{\"bench\":\"ingest ml-100k\",\"ms\":%d}%n", (System.nanoTime() - start) / 1_000_000);
    context.log.forEach(System.out::println);
    assertEquals(100_000.0, context.metrics.get("rows"));
    assertEquals(943.0, context.metrics.get("users"));
    assertEquals(1_682.0, context.metrics.get("items"));
    assertEquals(10_000.0, context.metrics.get("eval_rows"));
    assertTrue(
        IngestFixtures.read(context, DatasetLayout.REPORT)
            .contains(
                "\"rating_histogram\": {\"1\": 6110, \"2\": 11370, \"3\": 27145, \"4\": 34174,"
                    + " \"5\": 21201}"));
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"))) {
      assertEquals(
          List.of(List.of(100_000L, 1_682L, 943L)),
          warehouse
              .query(
                  "SELECT"
                      + " (SELECT COUNT(*) FROM ratings), (SELECT COUNT(*) FROM movies),"
                      + " (SELECT COUNT(*) FROM users)")
              .rows());
      assertEquals(
          List.of(List.of("Star Wars (1977)", 583L)),
          warehouse
              .query(
                  "SELECT title,"
                      + " COUNT(*) AS n FROM ratings JOIN movies USING (item_id) GROUP BY title"
                      + " ORDER BY n DESC LIMIT 1")
              .rows());
    }
  }

  @Test
  void movieLens1m(@TempDir Path tmp) throws Exception {
    Path data = require("ML1M_DIR", "ml-1m", "ratings.dat");
    long start = System.nanoTime();
    TestStepContext context =
        ingest(tmp, Map.of("source", data.toString(), "split", "latest", "eval_per_user", "5"));
    System.out.printf(
        "{\"bench\":\"ingest ml-1m\",\"ms\":%d}%n", (System.nanoTime() - start) / 1_000_000);
    assertEquals(1_000_209.0, context.metrics.get("rows"));
    assertEquals(6_040.0 * 5, context.metrics.get("eval_rows"));
  }

  @Test
  void presetMl1m(@TempDir Path tmp) throws Exception {
    long start = System.nanoTime();
    TestStepContext context = ingest(tmp, Map.of("source", "preset:ml-1m"));
    System.out.printf(
        "{\"bench\":\"ingest preset:ml-1m\",\"ms\":%d}%n", (System.nanoTime() - start) / 1_000_000);
    context.log.forEach(System.out::println);
    assertEquals(1_000_209.0, context.metrics.get("rows"));
  }
}
