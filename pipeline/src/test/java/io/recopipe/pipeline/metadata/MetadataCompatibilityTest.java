package io.recopipe.pipeline.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.testing.MetadataFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opens the metadata databases that earlier releases left in a home ({@link MetadataFixture} says
 * which commit wrote each and how: schema 1 by 307b14d, schema 2 by 0c60a91, schema 6 by 6329e23,
 * all on 2026-12-03) with today's store, so that a new store, ORM or JSON library that cannot
 * upgrade them, upgrades them to a different schema, or reads their rows differently fails here.
 * The registry, review and audit rows are checked in {@code RegistryCompatibilityTest} and {@code
 * AuditCompatibilityTest}.
 */
class MetadataCompatibilityTest {
  @TempDir Path temp;

  static List<MetadataFixture> fixtures() {
    return MetadataFixture.all();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void upgradesToExactlyTheSchemaOfANewHome(MetadataFixture fixture) throws IOException {
    Path file = fixture.copyTo(temp.resolve("old"));
    try (MetadataStore fresh = MetadataStore.open(temp.resolve("fresh").resolve("metadata.db"));
        MetadataStore old = MetadataStore.open(file)) {
      assertEquals(schema(fresh), schema(old));
      assertEquals(List.of(1, 2, 3, 4, 5, 6), versions(old));
      assertEquals(Schema.CURRENT, 6, "a new schema version needs a fixture of schema 6 homes");
    }
    try (MetadataStore again = MetadataStore.open(file)) {
      assertEquals(List.of(1, 2, 3, 4, 5, 6), versions(again), "reopening migrates nothing");
    }
  }

  @Test
  void schemaOneRunsExecutionsArtifactsAndMetrics() throws IOException {
    try (MetadataStore store = open(MetadataFixture.SCHEMA_1)) {
      Map<String, RunRecord> runs = runs(store);
      assertEquals(
          List.of("20261203-002924-38f2e5", "20261203-002919-f112b4", "20261203-002915-97d2e3"),
          List.copyOf(runs.keySet()));
      RunRecord failed = runs.get("20261203-002924-38f2e5");
      assertEquals(
          new RunRecord(
              "20261203-002924-38f2e5",
              "movielens-mf",
              RunStatus.FAILED,
              "train: num_factors (2) must be divisible by num_samples (33): each sample contributes"
                  + " num_factors / num_samples factors",
              failed.parameters(),
              Instant.parse("2026-12-03T00:29:24.441823001Z"),
              Instant.parse("2026-12-03T00:29:25.871720973Z"),
              "root",
              12453,
              "2026-12-03T00:29:21.640Z",
              false,
              null),
          failed);
      RunRecord first = runs.get("20261203-002915-97d2e3");
      assertEquals(RunStatus.SUCCEEDED, first.status());
      assertEquals("gibbs", first.parameters().get("train.method"));
      assertEquals("42", first.parameters().get("train.seed"));
      assertEquals(21, first.parameters().size());
      assertNull(first.committedAt(), "runs before schema 3 never recorded a commit point");
      assertEquals(
          "ingest:SUCCEEDED:false train:SUCCEEDED:false evaluate:SUCCEEDED:false"
              + " gate:SUCCEEDED:false export:SUCCEEDED:false package:SUCCEEDED:false"
              + " deploy:SUCCEEDED:false",
          steps(store, first.id()));
      assertEquals("ingest:SUCCEEDED:true train:FAILED:false", steps(store, failed.id()));
      assertEquals(0.80857851714212292, evaluation(store, first.id()));
      assertArtifact(
          store,
          "20261203-002915-97d2e3/train/model",
          "d439d7eb58a79d4f0bf325da72d5eeac0566f5ba953f326b7e865cd664f2ea38",
          7659);
      assertEquals(0, removedArtifacts(store));
    }
  }

  @Test
  void schemaTwoRunsKeepTheirStatusesAndMessages() throws IOException {
    try (MetadataStore store = open(MetadataFixture.SCHEMA_2)) {
      Map<String, RunRecord> runs = runs(store);
      assertEquals(
          List.of("20261203-002844-380080", "20261203-002830-bfd1cd", "20261203-002821-a00b6f"),
          List.copyOf(runs.keySet()));
      assertEquals(
          List.of(RunStatus.REJECTED, RunStatus.SUCCEEDED, RunStatus.SUCCEEDED),
          runs.values().stream().map(RunRecord::status).toList());
      assertEquals(
          "movielens-mf v3 was rejected by alice: fixture: rejected",
          runs.get("20261203-002844-380080").message());
      RunRecord first = runs.get("20261203-002821-a00b6f");
      assertEquals(Instant.parse("2026-12-03T00:28:21.331314580Z"), first.startedAt());
      assertEquals(27, first.parameters().size());
      assertEquals("0.01", first.parameters().get("gate.max_regression_abs"));
      assertFalse(first.noCache());
      assertNull(first.committedAt());
      assertEquals(
          "ingest:SUCCEEDED:true tune:SUCCEEDED:true train:SUCCEEDED:false"
              + " hybrid:SUCCEEDED:false evaluate:SUCCEEDED:false gate:SUCCEEDED:false"
              + " export:SUCCEEDED:false package:SUCCEEDED:false",
          steps(store, "20261203-002844-380080"));
      assertEquals(0.44293153361064092, evaluation(store, first.id()));
      assertArtifact(
          store,
          "20261203-002821-a00b6f/train/model",
          "ff50f0ff555c043948d3295a44518f0935d1644d9eb39f4462aafc4539795397",
          51789);
    }
  }

  @Test
  void schemaSixRunsKeepTheirCommitPointsAndRemovedArtifacts() throws IOException {
    try (MetadataStore store = open(MetadataFixture.SCHEMA_6)) {
      Map<String, RunRecord> runs = runs(store);
      assertEquals(
          List.of(
              Instant.parse("2026-12-03T00:31:45.126638747Z"),
              Instant.parse("2026-12-03T00:31:37.588425800Z"),
              Instant.parse("2026-12-03T00:31:33.137631532Z")),
          runs.values().stream().map(RunRecord::committedAt).toList());
      RunRecord first = runs.get("20261203-003123-7d3920");
      assertEquals(31, first.parameters().size());
      assertEquals("0.5", first.parameters().get("gate.max_row_count_change"));
      assertEquals(0.4429316179948436, evaluation(store, first.id()));
      assertArtifact(
          store,
          "20261203-003123-7d3920/train/model",
          "1a76b68e75320b48bf75bab79a85a15e5ebb4726d10666aa06884c61202bd569",
          51574);
      assertEquals(9, removedArtifacts(store));
    }
  }

  private MetadataStore open(MetadataFixture fixture) throws IOException {
    return MetadataStore.open(fixture.copyTo(temp.resolve(fixture.directory())));
  }

  /** Runs newest first, as {@code runs list} shows them. */
  private static Map<String, RunRecord> runs(MetadataStore store) {
    return new RunRepository(store)
        .list().stream()
            .collect(
                Collectors.toMap(
                    RunRecord::id, run -> run, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  private static String steps(MetadataStore store, String runId) {
    return new ExecutionRepository(store)
        .forRun(runId).stream()
            .map(e -> e.step() + ":" + e.status() + ":" + e.cacheHit())
            .collect(Collectors.joining(" "));
  }

  /** The evaluate step's RMSE, as stored (a REAL, read back bit for bit). */
  private static double evaluation(MetadataStore store, String runId) {
    ExecutionRepository executions = new ExecutionRepository(store);
    ExecutionRecord evaluate =
        executions.forRun(runId).stream()
            .filter(e -> e.step().equals("evaluate"))
            .findFirst()
            .orElseThrow();
    return executions.metrics(evaluate.id()).get("root_mean_squared_error");
  }

  private static void assertArtifact(MetadataStore store, String uri, String sha256, long bytes) {
    StoredArtifact artifact = new ArtifactRepository(store).find(uri).orElseThrow();
    assertEquals(
        List.of("MODEL", sha256, bytes),
        List.of(artifact.type().name(), artifact.sha256(), artifact.bytes()));
  }

  private static int removedArtifacts(MetadataStore store) {
    return store.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery("SELECT COUNT(*) FROM artifacts WHERE removed_at IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  /** Every table and index with its SQL, as SQLite keeps it. */
  private static List<String> schema(MetadataStore store) {
    return store.read(
        c -> {
          List<String> rows = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT type, name,"
                          + " tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
              rows.add(
                  rs.getString(1)
                      + " "
                      + rs.getString(2)
                      + " on "
                      + rs.getString(3)
                      + ": "
                      + rs.getString(4));
            }
          }
          return rows;
        });
  }

  private static List<Integer> versions(MetadataStore store) {
    return store.read(
        c -> {
          List<Integer> versions = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rs.next()) {
              versions.add(rs.getInt(1));
            }
          }
          return versions;
        });
  }
}
