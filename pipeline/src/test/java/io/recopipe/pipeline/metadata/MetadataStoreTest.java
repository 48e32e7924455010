package io.recopipe.pipeline.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataStoreTest {
  @TempDir Path dir;

  private static RunRecord run(String id) {
    return new RunRecord(
        id,
        "toy",
        RunStatus.RUNNING,
        null,
        Map.of("a.b", "1"),
        Instant.now(),
        null,
        "tester",
        1,
        null);
  }

  private static String pragma(MetadataStore store, String name) {
    return store.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
          }
        });
  }

  @Test
  void theSchemaIsCreatedOnFirstOpenAndVersioned() {
    Path file = dir.resolve("metadata.db");
    try (MetadataStore store = MetadataStore.open(file)) {
      assertEquals("wal", pragma(store, "journal_mode"));
      assertEquals(String.valueOf(MetadataStore.BUSY_TIMEOUT_MS), pragma(store, "busy_timeout"));
    }
    try (MetadataStore again = MetadataStore.open(file)) {
      int[] versions =
          again.read(
              c -> {
                try (Statement s = c.createStatement();
                    ResultSet rs =
                        s.executeQuery(
                            "SELECT COUNT(*), MAX(version), COUNT(DISTINCT version) FROM schema_version")) {
                  rs.next();
                  assertEquals(Schema.CURRENT, rs.getInt(2));
                  return new int[] {rs.getInt(1), rs.getInt(3)};
                }
              });
      assertEquals(versions[1], versions[0], "one row per migration; reopening adds none");
    }
  }

  @Test
  void runsExecutionsArtifactsAndLineageRoundTrip() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      RunRepository runs = new RunRepository(store);
      ExecutionRepository executions = new ExecutionRepository(store);
      ArtifactRepository artifacts = new ArtifactRepository(store);
      runs.insert(run("r1"));
      long id =
          executions.start(
              "r1", "train", "train", "1", "key", ExecutionStatus.RUNNING, Instant.now());
      StoredArtifact model =
          artifacts.recordAndLink(
              new StoredArtifact(0, "r1/train/model", ArtifactType.MODEL, "ab", 3),
              id,
              ArtifactRepository.OUTPUT,
              "model");
      executions.recordMetrics(id, Map.of("loss", 0.5));
      executions.finish(id, ExecutionStatus.SUCCEEDED, false, 1, 12, null);
      runs.finish("r1", RunStatus.SUCCEEDED, null, Instant.now());

      assertEquals(Map.of("model", model), artifacts.linked(id, ArtifactRepository.OUTPUT));
      assertEquals(Map.of("loss", 0.5), executions.metrics(id));
      assertEquals(
          List.of(id),
          executions.succeededWithKey("key").stream().map(ExecutionRecord::id).toList());
      assertEquals(RunStatus.SUCCEEDED, runs.find("r1").orElseThrow().status());
      assertEquals(Map.of("a.b", "1"), runs.find("r1").orElseThrow().parameters());
      assertTrue(artifacts.latestModelOf("toy", "export").isEmpty());
      assertEquals(model, artifacts.latestModelOf("toy", "train").orElseThrow());
    }
  }

  @Test
  void runsListNewestFirstEvenWithinOneSecond() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("t.db"))) {
      RunRepository runs = new RunRepository(store);
      Instant whole = Instant.parse("2026-01-01T10:00:00Z");
      for (Instant at : List.of(whole, whole.plusMillis(5), whole.plusSeconds(1))) {
        runs.insert(
            new RunRecord(
                "r" + at.toEpochMilli(),
                "toy",
                RunStatus.RUNNING,
                null,
                Map.of(),
                at,
                null,
                "t",
                0,
                null));
      }
      assertEquals(
          List.of(whole.plusSeconds(1), whole.plusMillis(5), whole),
          runs.list().stream().map(RunRecord::startedAt).toList());
    }
  }

  @Test
  void concurrentWritersOnTwoConnectionsNeverHitSqliteBusy() throws Exception {
    Path file = dir.resolve("shared.db");
    MetadataStore.open(file).close();
    int perThread = 150;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try (MetadataStore a = MetadataStore.open(file);
        MetadataStore b = MetadataStore.open(file)) {
      List<Future<?>> futures = new ArrayList<>();
      for (MetadataStore store : List.of(a, b)) {
        String prefix = store == a ? "a" : "b";
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  RunRepository runs = new RunRepository(store);
                  for (int i = 0; i < perThread; i++) {
                    runs.insert(run(prefix + i));
                    // read-then-write in one transaction: a deferred BEGIN would fail here under
                    // contention
                    store.write(
                        c -> {
                          int count;
                          try (Statement s = c.createStatement();
                              ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM runs")) {
                            rs.next();
                            count = rs.getInt(1);
                          }
                          try (PreparedStatement ps =
                              c.prepareStatement("UPDATE runs SET message = ? WHERE id = ?")) {
                            ps.setString(1, "seen " + count);
                            ps.setString(2, prefix + "0");
                            return ps.executeUpdate();
                          }
                        });
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertEquals(2 * perThread, new RunRepository(a).list().size());
    } finally {
      pool.shutdownNow();
    }
  }
}
