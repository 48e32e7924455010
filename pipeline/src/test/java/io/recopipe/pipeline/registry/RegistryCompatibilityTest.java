package io.recopipe.pipeline.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ApprovalState;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.review.Reviewers;
import io.recopipe.pipeline.review.SqliteApprovals;
import io.recopipe.pipeline.schedule.CatchUp;
import io.recopipe.pipeline.schedule.Overlap;
import io.recopipe.pipeline.schedule.Schedule;
import io.recopipe.pipeline.schedule.ScheduleStore;
import io.recopipe.pipeline.testing.MetadataFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the registry, approvals, reviewers and schedules of the homes earlier releases left ({@link
 * MetadataFixture} says how each was made: schema 2 by 0c60a91, schema 6 by 6329e23, on 2026-12-03)
 * with today's code, so that a new store cannot lose a champion, a decision, a reviewer's rights or
 * a schedule across an upgrade.
 */
class RegistryCompatibilityTest {
  private static final String PIPELINE = "movielens-mf";
  private static final String FINGERPRINT =
      "sha256:10a61d0eb394483a8ddecab8027566854a03ff181bcf31224539b5222978b2aa";

  @TempDir Path temp;

  @Test
  void schemaTwoRegistry() throws IOException {
    try (MetadataStore store = open(MetadataFixture.SCHEMA_2)) {
      ModelRegistry registry = new SqliteModelRegistry(store);
      // schema 2 left both served versions DEPLOYED; today's code reads them as they are
      assertVersions(
          registry,
          "20261203-0028",
          List.of("b18009c85943", "7a28f79465ff", "3c016539b873"),
          List.of(VersionStatus.REJECTED, VersionStatus.DEPLOYED, VersionStatus.DEPLOYED));
      RegisteredVersion first = registry.find(PIPELINE, 1).orElseThrow();
      assertEquals("20261203-002821-a00b6f/export/model", first.bundleUri());
      assertEquals(
          "ff50f0ff555c043948d3295a44518f0935d1644d9eb39f4462aafc4539795397", first.bundleSha256());
      assertEquals(Instant.parse("2026-12-03T00:28:22.737522608Z"), first.createdAt());
      assertEquals(0.44293153361064092, first.metrics().get("root_mean_squared_error"));
      assertEquals("EXPLICIT", first.options().get("feedback_type"));
      assertAliasesAndHistory(
          registry,
          "root",
          Instant.parse("2026-12-03T00:28:23.339097481Z"),
          Instant.parse("2026-12-03T00:28:42.678689561Z"),
          "20261203-002821-a00b6f");
      assertEquals(
          new Approval(
              PIPELINE,
              2,
              "20261203-002830-bfd1cd",
              ApprovalState.APPROVED,
              Instant.parse("2026-12-03T00:28:33.910894805Z"),
              Instant.parse("2026-12-06T00:28:33.910894805Z"),
              "root",
              Optional.of("bob"),
              Optional.of(Instant.parse("2026-12-03T00:28:41.188278986Z")),
              Optional.of("fixture: approved")),
          new SqliteApprovals(store).find(PIPELINE, 2).orElseThrow());
      assertEquals(
          ApprovalState.REJECTED,
          new SqliteApprovals(store).find(PIPELINE, 3).orElseThrow().state());
      // the upgrade to schema 4 makes the earliest active reviewer the home's admin
      assertEquals(
          List.of(
              new Reviewer("alice", Instant.parse("2026-12-03T00:28:17.017652402Z"), false, true),
              new Reviewer("bob", Instant.parse("2026-12-03T00:28:19.592147263Z"), false, false)),
          new Reviewers(store).list());
      assertNightly(store, Instant.parse("2026-12-03T00:28:57.030264180Z"));
    }
  }

  @Test
  void schemaSixRegistry() throws IOException {
    try (MetadataStore store = open(MetadataFixture.SCHEMA_6)) {
      ModelRegistry registry = new SqliteModelRegistry(store);
      assertVersions(
          registry,
          "20261203-0031",
          List.of("aa74122c9d03", "9a77830e5253", "d321d60f6b1f"),
          List.of(VersionStatus.REJECTED, VersionStatus.PROMOTED, VersionStatus.RETIRED));
      RegisteredVersion first = registry.find(PIPELINE, 1).orElseThrow();
      assertEquals(
          "c2e3550b0a60f72059e64aad1116434765603e7acd16fc1e938e013068841d8e", first.bundleSha256());
      assertEquals(0.4429316179948436, first.metrics().get("root_mean_squared_error"));
      assertAliasesAndHistory(
          registry,
          "root",
          Instant.parse("2026-12-03T00:31:33.149267604Z"),
          Instant.parse("2026-12-03T00:31:40.189607783Z"),
          "20261203-003123-7d3920");
      assertEquals(
          Optional.of("fixture: rejected"),
          new SqliteApprovals(store).find(PIPELINE, 3).orElseThrow().comment());
      assertEquals(
          List.of(
              new Reviewer("alice", Instant.parse("2026-12-03T00:30:59.503400Z"), false, true),
              new Reviewer("bob", Instant.parse("2026-12-03T00:31:19.660440580Z"), false, false)),
          new Reviewers(store).list());
      assertNightly(store, Instant.parse("2026-12-03T00:31:47.364760607Z"));
    }
  }

  private MetadataStore open(MetadataFixture fixture) throws IOException {
    return MetadataStore.open(fixture.copyTo(temp.resolve(fixture.directory())));
  }

  /** Versions 3, 2, 1 (newest first) with their content versions and statuses. */
  private static void assertVersions(
      ModelRegistry registry,
      String runPrefix,
      List<String> modelVersions,
      List<VersionStatus> statuses) {
    List<RegisteredVersion> versions = registry.list(PIPELINE);
    assertEquals(List.of(3, 2, 1), versions.stream().map(RegisteredVersion::version).toList());
    assertEquals(modelVersions, versions.stream().map(RegisteredVersion::modelVersion).toList());
    assertEquals(statuses, versions.stream().map(RegisteredVersion::status).toList());
    for (RegisteredVersion version : versions) {
      assertTrue(version.runId().startsWith(runPrefix), version.runId());
      assertTrue(version.blessed());
      assertEquals(FINGERPRINT, version.dataFingerprint());
      assertEquals(Optional.of(version.runId() + "/package/image"), version.imageUri());
      assertTrue(version.gateDecision().contains("\"blessed\": true"), version.gateDecision());
    }
  }

  /** Champion 2 and previous 1, moved by run 1's auto promotion and bob's approval of 2. */
  private static void assertAliasesAndHistory(
      ModelRegistry registry,
      String starter,
      Instant firstPromotion,
      Instant approval,
      String firstRun) {
    assertEquals(2, registry.alias(PIPELINE, ModelRegistry.CHAMPION).orElseThrow().version());
    assertEquals(1, registry.alias(PIPELINE, ModelRegistry.PREVIOUS).orElseThrow().version());
    String approved = "approved by bob: fixture: approved";
    assertEquals(
        List.of(
            new AliasChange(
                3,
                PIPELINE,
                "previous",
                Optional.empty(),
                Optional.of(1),
                "bob",
                approval,
                approved),
            new AliasChange(
                2, PIPELINE, "champion", Optional.of(1), Optional.of(2), "bob", approval, approved),
            new AliasChange(
                1,
                PIPELINE,
                "champion",
                Optional.empty(),
                Optional.of(1),
                starter,
                firstPromotion,
                "auto promotion of run " + firstRun)),
        registry.history(PIPELINE));
  }

  private static void assertNightly(MetadataStore store, Instant created) {
    Schedule nightly = new ScheduleStore(store).find("nightly").orElseThrow();
    assertEquals(
        new Schedule(
            "nightly",
            "0 3 * * *",
            ZoneId.of("UTC"),
            Overlap.SKIP,
            CatchUp.NONE,
            Optional.empty(),
            Map.of("ingest.source", "/tmp/fixtures-data/ratings.csv"),
            false,
            created,
            "user:root",
            created),
        nightly);
  }
}
