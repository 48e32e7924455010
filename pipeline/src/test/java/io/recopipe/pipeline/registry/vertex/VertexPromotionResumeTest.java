package io.recopipe.pipeline.registry.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.MergeVersionAliasesRequest;
import com.google.cloud.aiplatform.v1.UpdateModelRequest;
import com.google.protobuf.Message;
import io.recopipe.infra.vertex.FakeModelService;
import io.recopipe.pipeline.registry.AliasChange;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.VersionStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A promotion in the Vertex AI Model Registry is several calls (labels, the {@code champion} alias,
 * the {@code previous} alias, the retirements, the status), and a Vertex task can die between any
 * two of them: whichever call failed, promoting the same version again finishes it, and the
 * registry ends exactly as after a promotion that never failed.
 */
class VertexPromotionResumeTest {
  private static final String PIPELINE = "movielens-mf";

  private final FakeModelService fake = new FakeModelService();
  private ModelRegistry registry;

  @BeforeEach
  void start() {
    registry =
        new VertexModelRegistry(
            fake.client(),
            uri -> "gs://recopipe-demo-artifacts/artifacts/" + uri + "/",
            image -> "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recopipe@sha256:ab",
            Clock.fixed(Instant.parse("2026-12-03T07:00:00Z"), ZoneOffset.UTC));
    registry.register(VertexModelRegistryTest.draft("r1", "aaaaaaaaaaaa"));
    registry.register(VertexModelRegistryTest.draft("r2", "bbbbbbbbbbbb"));
    registry.register(VertexModelRegistryTest.draft("r3", "cccccccccccc"));
    registry.promote(PIPELINE, 1, "alice", "first", true); // v1 serves
    registry.promote(PIPELINE, 2, "alice", "second", false); // v2 champion, v1 still serves
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void aPromotionThatDiedBeforeMovingTheChampionIsMadeWhole() {
    resumesAfterFailing(r -> aliases(r, "champion"));
  }

  @Test
  void aPromotionThatDiedAfterMovingTheChampionIsFinishedByTheRetry() {
    resumesAfterFailing(r -> aliases(r, "previous"));
  }

  @Test
  void aPromotionThatDiedLabellingTheReplacedChampionIsFinishedByTheRetry() {
    resumesAfterFailing(r -> labels(r, "2", "retired"));
  }

  @Test
  void aPromotionThatDiedRetiringTheServingVersionIsFinishedByTheRetry() {
    resumesAfterFailing(r -> labels(r, "1", "retired"));
  }

  @Test
  void aPromotionThatDiedSettingItsOwnStatusIsFinishedByTheRetry() {
    resumesAfterFailing(r -> labels(r, "3", "deployed"));
  }

  /** Promotes v3 (serving) with the first request {@code which} accepts failing, then again. */
  private void resumesAfterFailing(Predicate<Message> which) {
    fake.failNext(which);
    assertThrows(RuntimeException.class, () -> registry.promote(PIPELINE, 3, "bob", "ok", true));
    assertTrue(
        registry.find(PIPELINE, 3).orElseThrow().status() != VersionStatus.DEPLOYED,
        "the failed attempt did not finish");

    registry.promote(PIPELINE, 3, "bob", "ok", true);

    assertEquals(3, registry.alias(PIPELINE, ModelRegistry.CHAMPION).orElseThrow().version());
    assertEquals(2, registry.alias(PIPELINE, ModelRegistry.PREVIOUS).orElseThrow().version());
    assertEquals(VersionStatus.DEPLOYED, registry.find(PIPELINE, 3).orElseThrow().status());
    assertEquals(VersionStatus.RETIRED, registry.find(PIPELINE, 2).orElseThrow().status());
    assertEquals(VersionStatus.RETIRED, registry.find(PIPELINE, 1).orElseThrow().status());
    assertEquals(List.of(2, 1), registry.retiredFor(PIPELINE, 3), "the replaced champion first");
    AliasChange moved =
        registry.history(PIPELINE).stream()
            .filter(c -> c.alias().equals(ModelRegistry.CHAMPION))
            .filter(c -> c.toVersion().equals(Optional.of(3)))
            .findFirst()
            .orElseThrow();
    assertEquals(Optional.of(2), moved.fromVersion());
    AliasChange previous =
        registry.history(PIPELINE).stream()
            .filter(c -> c.alias().equals(ModelRegistry.PREVIOUS))
            .filter(c -> c.toVersion().equals(Optional.of(2)))
            .findFirst()
            .orElseThrow();
    assertEquals(Optional.of(1), previous.fromVersion());

    int before = fake.requests.size();
    registry.promote(PIPELINE, 3, "bob", "ok", true);
    assertTrue(
        fake.requests.subList(before, fake.requests.size()).stream()
            .noneMatch(
                r -> r instanceof UpdateModelRequest || r instanceof MergeVersionAliasesRequest),
        "a finished promotion promoted again changes nothing");
  }

  private static boolean aliases(Message r, String alias) {
    return r instanceof MergeVersionAliasesRequest m
        && m.getVersionAliasesList().equals(List.of(alias));
  }

  private static boolean labels(Message r, String version, String status) {
    return r instanceof UpdateModelRequest u
        && u.getModel().getName().endsWith("@" + version)
        && status.equals(u.getModel().getLabelsMap().get("recopipe_status"));
  }
}
