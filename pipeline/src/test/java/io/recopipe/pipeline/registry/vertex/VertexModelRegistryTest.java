package io.recopipe.pipeline.registry.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.MergeVersionAliasesRequest;
import com.google.cloud.aiplatform.v1.UploadModelRequest;
import io.recopipe.infra.vertex.FakeModelService;
import io.recopipe.infra.vertex.VertexModelRegistryClient;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.registry.AliasChange;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry interface on the Vertex AI Model Registry through the real {@code
 * ModelServiceClient} and an in-process ModelService: versions, aliases, statuses and the requests
 * they send ({@code google/cloud/aiplatform/v1/model_service.proto}: UploadModelRequest :268,
 * MergeVersionAliasesRequest :621; {@code model.proto}: artifact_uri :273, labels :442).
 */
class VertexModelRegistryTest {
  private static final String PIPELINE = "movielens-mf";
  private static final String PARENT = "projects/recopipe-demo/locations/europe-west1";
  private static final String MODEL = PARENT + "/models/" + PIPELINE;
  private static final String IMAGE =
      "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recopipe@sha256:ab";

  private final FakeModelService fake = new FakeModelService();
  private VertexModelRegistryClient client;
  private ModelRegistry registry;

  @BeforeEach
  void start() throws Exception {
    client = fake.client();
    registry =
        new VertexModelRegistry(
            client,
            uri -> "gs://recopipe-demo-artifacts/artifacts/" + uri + "/",
            image -> IMAGE,
            Clock.fixed(Instant.parse("2026-12-03T07:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  static RegisteredVersion draft(String runId, String modelVersion) {
    return new RegisteredVersion(
        PIPELINE,
        0,
        runId,
        modelVersion,
        "runs/" + runId + "/export/model",
        "f00d" + modelVersion,
        Optional.of("runs/" + runId + "/package/image"),
        "9f".repeat(32),
        Map.of("num_factors", "8", "l2_reg", "0.1"),
        Map.of("root_mean_squared_error", 0.9123, "r2_score", -0.05),
        "{\"blessed\":true}",
        true,
        VersionStatus.REGISTERED,
        Instant.parse("2026-12-03T06:59:00Z"));
  }

  @Test
  void registersVersionsWithTheBundleAsArtifactAndReadsThemBack() {
    RegisteredVersion v1 = registry.register(draft("Run-A1", "aaaaaaaaaaaa"), "alice");
    RegisteredVersion v2 = registry.register(draft("Run-B2", "bbbbbbbbbbbb"));
    assertEquals(1, v1.version());
    assertEquals(2, v2.version());
    assertEquals(draft("Run-A1", "aaaaaaaaaaaa").metrics(), v1.metrics());
    assertEquals(draft("Run-A1", "aaaaaaaaaaaa").options(), v1.options());
    assertEquals("runs/Run-A1/export/model", v1.bundleUri());
    assertEquals(Optional.of("runs/Run-A1/package/image"), v1.imageUri());
    assertEquals(
        Optional.of(IMAGE), registry.servingImage(PIPELINE, 1), "deploys run the pinned image");
    assertEquals(Optional.empty(), registry.servingImage(PIPELINE, 9));
    assertEquals("{\"blessed\":true}", v1.gateDecision());
    assertEquals(Instant.parse("2026-12-03T06:59:00Z"), v1.createdAt());
    assertEquals(VersionStatus.REGISTERED, v1.status());

    List<UploadModelRequest> uploads = fake.requests(UploadModelRequest.class);
    assertEquals(PARENT, uploads.get(0).getParent());
    assertEquals(PIPELINE, uploads.get(0).getModelId());
    assertEquals(MODEL, uploads.get(1).getParentModel());
    assertEquals(
        "gs://recopipe-demo-artifacts/artifacts/runs/Run-A1/export/model/",
        uploads.get(0).getModel().getArtifactUri());
    assertEquals(IMAGE, uploads.get(0).getModel().getContainerSpec().getImageUri());
    Map<String, String> labels = uploads.get(0).getModel().getLabelsMap();
    assertEquals("run-a1", labels.get("recopipe_run"));
    assertEquals("aaaaaaaaaaaa", labels.get("recopipe_content"));
    assertEquals("registered", labels.get("recopipe_status"));
    assertEquals("9f".repeat(32).substring(0, 63), labels.get("data_fingerprint"));
    assertEquals("true", labels.get("blessed"));
    assertEquals("0_912300", labels.get("metric_root_mean_squared_error"));
    assertEquals("-0_0500000", labels.get("metric_r2_score"));
    assertEquals(
        "9f".repeat(32),
        uploads
            .get(0)
            .getModel()
            .getMetadata()
            .getStructValue()
            .getFieldsOrThrow("data_fingerprint")
            .getStringValue());

    assertEquals(List.of(2, 1), registry.list(PIPELINE).stream().map(v -> v.version()).toList());
    assertEquals(Optional.of(v2), registry.forRun(PIPELINE, "Run-B2"));
    assertTrue(registry.forRun(PIPELINE, "run-b2").isEmpty(), "run ids match exactly");
    assertEquals(Optional.of(v1), registry.withModelVersion(PIPELINE, "aaaaaaaaaaaa"));
    assertTrue(registry.find(PIPELINE, 3).isEmpty());
    assertTrue(registry.list("other").isEmpty());
  }

  @Test
  void promotionMovesChampionAndPreviousAndTheStatuses() {
    registry.register(draft("r1", "aaaaaaaaaaaa"));
    registry.register(draft("r2", "bbbbbbbbbbbb"));
    registry.register(draft("r3", "cccccccccccc"));
    registry.promote(PIPELINE, 1, "alice@example.com", "first", true);
    assertEquals(1, registry.alias(PIPELINE, ModelRegistry.CHAMPION).orElseThrow().version());
    assertTrue(registry.alias(PIPELINE, ModelRegistry.PREVIOUS).isEmpty());
    assertEquals(VersionStatus.DEPLOYED, registry.find(PIPELINE, 1).orElseThrow().status());

    registry.promote(PIPELINE, 2, "bob", "approved by bob", false);
    assertEquals(2, registry.alias(PIPELINE, ModelRegistry.CHAMPION).orElseThrow().version());
    assertEquals(1, registry.alias(PIPELINE, ModelRegistry.PREVIOUS).orElseThrow().version());
    assertEquals(VersionStatus.PROMOTED, registry.find(PIPELINE, 2).orElseThrow().status());
    assertEquals(VersionStatus.DEPLOYED, registry.find(PIPELINE, 1).orElseThrow().status());

    registry.promote(PIPELINE, 3, "bob", "approved", true);
    assertEquals(3, registry.alias(PIPELINE, ModelRegistry.CHAMPION).orElseThrow().version());
    assertEquals(2, registry.alias(PIPELINE, ModelRegistry.PREVIOUS).orElseThrow().version());
    assertEquals(VersionStatus.RETIRED, registry.find(PIPELINE, 2).orElseThrow().status());
    assertEquals(VersionStatus.RETIRED, registry.find(PIPELINE, 1).orElseThrow().status());
    assertEquals(VersionStatus.DEPLOYED, registry.find(PIPELINE, 3).orElseThrow().status());

    List<MergeVersionAliasesRequest> merges = fake.requests(MergeVersionAliasesRequest.class);
    assertEquals(
        List.of(
            MODEL + "@1 [champion]",
            MODEL + "@2 [champion]",
            MODEL + "@1 [previous]",
            MODEL + "@3 [champion]",
            MODEL + "@2 [previous]"),
        merges.stream().map(m -> m.getName() + " " + m.getVersionAliasesList()).toList());

    AliasChange last =
        registry.history(PIPELINE).stream()
            .filter(c -> c.alias().equals(ModelRegistry.CHAMPION))
            .filter(c -> c.toVersion().equals(Optional.of(3)))
            .findFirst()
            .orElseThrow();
    assertEquals(ModelRegistry.CHAMPION, last.alias());
    assertEquals(Optional.of(2), last.fromVersion());
    assertEquals(Optional.of(3), last.toVersion());
    assertEquals("bob", last.actor());
    assertEquals(Instant.parse("2026-12-03T07:00:00Z"), last.at());
    assertEquals(
        "alice_example_com",
        registry.history(PIPELINE).stream()
            .filter(c -> c.toVersion().equals(Optional.of(1)) && c.alias().equals("champion"))
            .findFirst()
            .orElseThrow()
            .actor());

    int before = fake.requests.size();
    registry.promote(PIPELINE, 3, "bob", "again", true);
    assertTrue(
        fake.requests.subList(before, fake.requests.size()).stream()
            .allMatch(r -> r instanceof com.google.cloud.aiplatform.v1.GetModelRequest),
        "promoting the champion again only reads");
  }

  @Test
  void statusChangesAndRefusals() {
    registry.register(draft("r1", "aaaaaaaaaaaa"));
    registry.setStatus(PIPELINE, 1, VersionStatus.AWAITING_APPROVAL, "system:runner");
    assertEquals(
        VersionStatus.AWAITING_APPROVAL, registry.find(PIPELINE, 1).orElseThrow().status());
    registry.markServing(PIPELINE, 1, "system:runner");
    assertEquals(VersionStatus.DEPLOYED, registry.find(PIPELINE, 1).orElseThrow().status());
    registry.setImage(PIPELINE, 1, "runs/r1/package/image");
    assertThrows(
        OperationFailedException.class, () -> registry.setImage(PIPELINE, 1, "runs/r9/image"));
    assertThrows(
        InvalidInputException.class, () -> registry.promote(PIPELINE, 7, "bob", "x", true));
    RegisteredVersion unpackaged = draft("r2", "bbbbbbbbbbbb");
    RegisteredVersion noImage =
        new RegisteredVersion(
            unpackaged.pipeline(),
            0,
            unpackaged.runId(),
            unpackaged.modelVersion(),
            unpackaged.bundleUri(),
            unpackaged.bundleSha256(),
            Optional.empty(),
            unpackaged.dataFingerprint(),
            unpackaged.options(),
            unpackaged.metrics(),
            unpackaged.gateDecision(),
            true,
            VersionStatus.REGISTERED,
            unpackaged.createdAt());
    OperationFailedException refused =
        assertThrows(OperationFailedException.class, () -> registry.register(noImage));
    assertTrue(refused.getMessage().contains("not packaged"), refused.getMessage());
  }
}
