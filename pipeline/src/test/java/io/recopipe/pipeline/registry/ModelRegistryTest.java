package io.recopipe.pipeline.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.audit.SqliteAuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
  @TempDir Path dir;

  @Test
  void versionsAreNumberedPerPipelineAndRoundTrip() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      ModelRegistry registry = new SqliteModelRegistry(store);
      RegisteredVersion v1 = registry.register(RegistryFixtures.draft(store, "r1", "alice", 0.91));
      RegisteredVersion v2 = registry.register(RegistryFixtures.draft(store, "r2", "alice", 0.90));
      assertEquals(1, v1.version());
      assertEquals(2, v2.version());
      RegisteredVersion read = registry.find("mf", 2).orElseThrow();
      assertEquals(v2, read);
      assertEquals(0.90, read.metrics().get("rmse"));
      assertEquals(Optional.of(v1), registry.forRun("mf", "r1"));
      assertEquals(
          List.of(2, 1), registry.list("mf").stream().map(RegisteredVersion::version).toList());
      registry.setImage("mf", 1, "runs/r1/package/image");
      assertEquals(
          Optional.of("runs/r1/package/image"), registry.find("mf", 1).orElseThrow().imageUri());
    }
  }

  @Test
  void promotionMovesChampionAndPreviousWithHistory() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      ModelRegistry registry = new SqliteModelRegistry(store);
      registry.register(RegistryFixtures.draft(store, "r1", "alice", 0.91));
      registry.register(RegistryFixtures.draft(store, "r2", "alice", 0.90));
      registry.promote("mf", 1, "alice", "auto promotion of run r1", true);
      assertEquals(1, registry.alias("mf", ModelRegistry.CHAMPION).orElseThrow().version());
      assertTrue(registry.alias("mf", ModelRegistry.PREVIOUS).isEmpty());

      registry.promote("mf", 2, "bob", "approved by bob: better", true);
      assertEquals(2, registry.alias("mf", ModelRegistry.CHAMPION).orElseThrow().version());
      assertEquals(1, registry.alias("mf", ModelRegistry.PREVIOUS).orElseThrow().version());
      assertEquals(VersionStatus.DEPLOYED, registry.find("mf", 2).orElseThrow().status());
      assertEquals(VersionStatus.RETIRED, registry.find("mf", 1).orElseThrow().status());

      registry.promote("mf", 1, "carol", "rollback: latency", true);
      assertEquals(VersionStatus.DEPLOYED, registry.find("mf", 1).orElseThrow().status());
      assertEquals(VersionStatus.RETIRED, registry.find("mf", 2).orElseThrow().status());
      List<AliasChange> history = registry.history("mf");
      AliasChange last = history.get(1);
      assertEquals(ModelRegistry.CHAMPION, last.alias());
      assertEquals(Optional.of(2), last.fromVersion());
      assertEquals(Optional.of(1), last.toVersion());
      assertEquals("carol", last.actor());
      assertEquals("rollback: latency", last.reason());
      assertEquals(2, registry.alias("mf", ModelRegistry.PREVIOUS).orElseThrow().version());
      assertEquals(5, history.size(), "champion x3 and previous x2 moves");
      assertTrue(new SqliteAuditLog(store).verify().intact());
      assertEquals(
          7,
          new SqliteAuditLog(store).list().size(),
          "2 registrations + 3 promotions + 2 retirements");
    }
  }

  @Test
  void promotingAnUnknownVersionIsRefused() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> new SqliteModelRegistry(store).promote("mf", 7, "bob", "x", true));
      assertEquals("no model version mf/v7", e.getMessage());
    }
  }

  @Test
  void aChampionThatIsNotServedIsPromotedAndTheServingVersionKeepsServing() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      ModelRegistry registry = new SqliteModelRegistry(store);
      registry.register(RegistryFixtures.draft(store, "r1", "alice", 0.91));
      registry.register(RegistryFixtures.draft(store, "r2", "alice", 0.90));
      registry.register(RegistryFixtures.draft(store, "r3", "alice", 0.89));
      registry.promote("mf", 1, "alice", "auto promotion of run r1", true);
      registry.promote("mf", 2, "alice", "auto promotion of run r2", false);
      assertEquals(VersionStatus.PROMOTED, registry.find("mf", 2).orElseThrow().status());
      assertEquals(
          VersionStatus.DEPLOYED,
          registry.find("mf", 1).orElseThrow().status(),
          "v1 still serves: v2 was never deployed");

      registry.promote("mf", 3, "alice", "auto promotion of run r3", false);
      assertEquals(VersionStatus.RETIRED, registry.find("mf", 2).orElseThrow().status());
      registry.markServing("mf", 3, "alice");
      assertEquals(VersionStatus.DEPLOYED, registry.find("mf", 3).orElseThrow().status());
      assertEquals(VersionStatus.RETIRED, registry.find("mf", 1).orElseThrow().status());
      assertEquals(
          1,
          registry.list("mf").stream().filter(v -> v.status() == VersionStatus.DEPLOYED).count());
      List<String> actions =
          new SqliteAuditLog(store).list().stream().map(e -> e.action()).toList();
      assertEquals(3, actions.stream().filter("status"::equals).count(), actions.toString());
      assertTrue(new SqliteAuditLog(store).verify().intact());
    }
  }

  @Test
  void aVersionIsFoundByItsContent() {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      ModelRegistry registry = new SqliteModelRegistry(store);
      RegisteredVersion v1 = registry.register(RegistryFixtures.draft(store, "r1", "alice", 0.91));
      assertEquals(1, registry.withModelVersion("mf", v1.modelVersion()).orElseThrow().version());
      assertTrue(registry.withModelVersion("mf", "000000000000").isEmpty());
      assertTrue(registry.withModelVersion("other", v1.modelVersion()).isEmpty());
    }
  }
}
