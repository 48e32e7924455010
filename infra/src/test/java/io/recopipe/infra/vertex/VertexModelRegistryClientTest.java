package io.recopipe.infra.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.GetModelRequest;
import com.google.cloud.aiplatform.v1.ListModelVersionsRequest;
import com.google.cloud.aiplatform.v1.MergeVersionAliasesRequest;
import com.google.cloud.aiplatform.v1.UpdateModelRequest;
import com.google.cloud.aiplatform.v1.UploadModelRequest;
import io.recopipe.model.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real {@code ModelServiceClient} against an in-process ModelService: each request's fields as
 * {@code google/cloud/aiplatform/v1/model_service.proto} names them (UploadModelRequest :268,
 * GetModelRequest :326, ListModelVersionsRequest :421, UpdateModelRequest :540,
 * MergeVersionAliasesRequest :621) and {@code model.proto} (artifact_uri :273, labels :442,
 * metadata :238, container_spec :268).
 */
class VertexModelRegistryClientTest {
  private static final String PARENT = "projects/recopipe-demo/locations/europe-west1";
  private static final String MODEL = PARENT + "/models/movielens-mf";

  private final FakeModelService fake = new FakeModelService();
  private VertexModelRegistryClient client;

  @BeforeEach
  void start() throws Exception {
    client = fake.client();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private static ModelUpload upload(String run) {
    return new ModelUpload(
        "movielens-mf",
        "movielens-mf",
        "gs://recopipe-demo-artifacts/artifacts/" + run + "/export/model/",
        "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recopipe@sha256:ab",
        "run " + run,
        Map.of("recopipe_run", run, "recopipe_status", "registered"),
        "{\"metrics\":{\"rmse\":0.91}}");
  }

  @Test
  void theFirstUploadCreatesTheModelAndLaterOnesAddVersions() {
    assertEquals("1", client.upload(upload("r1")));
    assertEquals("2", client.upload(upload("r2")));

    List<UploadModelRequest> uploads = fake.requests(UploadModelRequest.class);
    UploadModelRequest first = uploads.get(0);
    assertEquals(PARENT, first.getParent());
    assertEquals("movielens-mf", first.getModelId());
    assertEquals("", first.getParentModel());
    assertEquals("movielens-mf", first.getModel().getDisplayName());
    assertEquals(
        "gs://recopipe-demo-artifacts/artifacts/r1/export/model/",
        first.getModel().getArtifactUri());
    assertEquals(
        "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recopipe@sha256:ab",
        first.getModel().getContainerSpec().getImageUri());
    assertEquals(
        Map.of("recopipe_run", "r1", "recopipe_status", "registered"),
        first.getModel().getLabelsMap());
    assertEquals(
        0.91,
        first
            .getModel()
            .getMetadata()
            .getStructValue()
            .getFieldsOrThrow("metrics")
            .getStructValue()
            .getFieldsOrThrow("rmse")
            .getNumberValue());
    assertEquals("run r1", first.getModel().getVersionDescription());
    UploadModelRequest second = uploads.get(1);
    assertEquals(PARENT, second.getParent());
    assertEquals(MODEL, second.getParentModel());
    assertEquals("", second.getModelId());
    // before each upload the client asks whether the model exists
    assertEquals(MODEL, fake.requests(GetModelRequest.class).get(0).getName());
  }

  @Test
  void aliasesMoveByMergeAndResolveByName() {
    client.upload(upload("r1"));
    client.upload(upload("r2"));
    client.mergeAliases("movielens-mf", "1", List.of("champion"));
    client.mergeAliases("movielens-mf", "2", List.of("champion"));
    client.mergeAliases("movielens-mf", "1", List.of("previous"));

    List<MergeVersionAliasesRequest> merges = fake.requests(MergeVersionAliasesRequest.class);
    assertEquals(MODEL + "@2", merges.get(1).getName());
    assertEquals(List.of("champion"), merges.get(1).getVersionAliasesList());
    assertEquals("1", client.get("movielens-mf", "previous").orElseThrow().versionId());
    assertEquals("2", client.get("movielens-mf", "champion").orElseThrow().versionId());
    assertEquals(MODEL + "@champion", lastGet().getName());
    ModelVersionRecord champion = client.get("movielens-mf", "champion").orElseThrow();
    assertEquals(MODEL, champion.modelName());
    assertEquals("gs://recopipe-demo-artifacts/artifacts/r2/export/model/", champion.artifactUri());
    assertEquals("{\"metrics\":{\"rmse\":0.91}}", champion.metadataJson());
    assertEquals(
        "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recopipe@sha256:ab",
        champion.containerImage(),
        "the container spec's image is read back");
    assertTrue(client.get("movielens-mf", "nosuchalias").isEmpty());
    assertTrue(client.get("othermodel", "champion").isEmpty());
  }

  @Test
  void listsVersionsByLabelAndReplacesLabels() {
    client.upload(upload("r1"));
    client.upload(upload("r2"));
    assertEquals(
        List.of("2"),
        client.versions("movielens-mf", "labels.recopipe_run=r2").stream()
            .map(ModelVersionRecord::versionId)
            .toList());
    ListModelVersionsRequest list = fake.requests(ListModelVersionsRequest.class).get(0);
    assertEquals(MODEL, list.getName());
    assertEquals("labels.recopipe_run=r2", list.getFilter());
    assertEquals(2, client.versions("movielens-mf", "").size());
    assertTrue(client.versions("othermodel", "").isEmpty());

    client.setLabels("movielens-mf", "2", Map.of("recopipe_status", "deployed"));
    UpdateModelRequest update = fake.requests(UpdateModelRequest.class).get(0);
    assertEquals(MODEL + "@2", update.getModel().getName());
    assertEquals(Map.of("recopipe_status", "deployed"), update.getModel().getLabelsMap());
    assertEquals(List.of("labels"), update.getUpdateMask().getPathsList());
    assertEquals(
        Map.of("recopipe_status", "deployed"),
        client.get("movielens-mf", "2").orElseThrow().labels());
  }

  @Test
  void labelsAndIdsFollowVertexRules() {
    assertEquals("0_9123", VertexLabels.value("0.9123"));
    assertEquals("run-2026_abc", VertexLabels.value("Run-2026:ABC"));
    assertEquals(63, VertexLabels.value("x".repeat(80)).length());
    InvalidInputException bad =
        assertThrows(
            InvalidInputException.class,
            () -> VertexLabels.check(Map.of("Status", "OK", "run", "a".repeat(64))));
    assertTrue(bad.getMessage().contains("key 'Status'"), bad.getMessage());
    assertTrue(bad.getMessage().contains("value 'OK'"), bad.getMessage());
    assertTrue(bad.getMessage().contains("of run"), bad.getMessage());
    assertThrows(InvalidInputException.class, () -> VertexLabels.modelId("1model"));
    assertThrows(InvalidInputException.class, () -> VertexLabels.modelId("-model"));
    assertThrows(
        InvalidInputException.class, () -> client.setLabels("movielens-mf", "1", Map.of("k", "V")));
    assertTrue(fake.requests(UpdateModelRequest.class).isEmpty());
  }

  private GetModelRequest lastGet() {
    List<GetModelRequest> gets = fake.requests(GetModelRequest.class);
    return gets.get(gets.size() - 1);
  }
}
