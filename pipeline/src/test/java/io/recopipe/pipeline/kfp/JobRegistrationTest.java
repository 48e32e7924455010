package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.aiplatform.v1.MergeVersionAliasesRequest;
import com.google.cloud.aiplatform.v1.Model;
import com.google.cloud.aiplatform.v1.UpdateModelRequest;
import com.google.cloud.aiplatform.v1.UploadModelRequest;
import io.recopipe.components.packaging.ModelVersion;
import io.recopipe.infra.vertex.FakeModelService;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.artifacts.TreeHash;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.audit.BigQueryAuditLog;
import io.recopipe.pipeline.review.LoopbackBigQueryTables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Vertex job's {@code register} task and exit task, run through the task entrypoint ({@link
 * ContainerRun}) against the real Vertex AI client on an in-process ModelService and the real
 * BigQuery client on a loopback BigQuery: the exact {@code UploadModel} request (fields of {@code
 * google/cloud/aiplatform/v1/model_service.proto} {@code UploadModelRequest} and {@code
 * model.proto} {@code Model}), the approval {@code INSERT} job, and the status labels under each
 * outcome.
 */
class JobRegistrationTest {
  private static final String BUCKET = VertexJobFixture.BUCKET;
  private static final String IMAGE =
      "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recommender@" + VertexJobFixture.DIGEST;

  @TempDir Path dir;
  private VertexJobFixture job;
  private FakeModelService vertex;
  private LoopbackBigQueryTables bq;
  private ContainerRun run;
  private BigQueryAuditLog audit;

  @BeforeEach
  void start() throws Exception {
    job = new VertexJobFixture(dir);
    vertex = job.vertex;
    bq = job.bq;
    audit = job.audit;
    run = job.containerRun(audit);
  }

  @AfterEach
  void stop() throws Exception {
    assertEquals(List.of(), bq.unrouted(), "requests the real BigQuery API would not accept");
    job.close();
  }

  @Test
  void underReviewTheTaskUploadsTheVersionAndTheSucceededJobRequestsItsApproval() throws Exception {
    register("job-1", "review", false);

    UploadModelRequest upload = vertex.requests(UploadModelRequest.class).get(0);
    assertEquals("projects/recopipe-demo/locations/europe-west1", upload.getParent());
    assertEquals("movielens-mf", upload.getModelId());
    Model model = upload.getModel();
    assertEquals(
        "gs://" + BUCKET + "/artifacts/job-1/export/model/",
        model.getArtifactUri(),
        "the bundle's copy in the artifact store, where run --profile gcp mirrors a run's export");
    assertEquals(IMAGE, model.getContainerSpec().getImageUri(), "the pushed image by digest");
    Map<String, String> labels = model.getLabelsMap();
    assertEquals("job-1", labels.get("recopipe_run"));
    assertEquals("registered", labels.get("recopipe_status"));
    assertEquals("true", labels.get("blessed"));
    assertEquals("sha256_feed", labels.get("data_fingerprint"));
    assertEquals("0_900000", labels.get("metric_mean_squared_error"), "label values allow no dot");
    JsonNode metadata =
        Json.parse(com.google.protobuf.util.JsonFormat.printer().print(model.getMetadata()));
    assertEquals("job-1", metadata.path("run_id").asText());
    assertEquals(IMAGE, metadata.path("image_uri").asText());
    assertEquals(0.9, metadata.path("metrics").path("mean_squared_error").asDouble());
    assertEquals(JobRegistry.ACTOR, metadata.path("registered_by").asText());
    assertEquals(List.of(), bq.approvals, "no approval before the job has succeeded");
    assertEquals(List.of(), vertex.requests(MergeVersionAliasesRequest.class), "not promoted");

    run.commit("job-1", finalStatus("SUCCEEDED"), review());

    assertEquals(1, bq.approvals.size());
    Map<String, String> row = bq.approvals.get(0);
    assertEquals("movielens-mf", row.get("pipeline"));
    assertEquals("1", row.get("version"));
    assertEquals("job-1", row.get("run_id"));
    assertEquals("PENDING", row.get("state"));
    assertEquals(JobRegistry.ACTOR, row.get("started_by"));
    JsonNode insert =
        bq.insertedJobs().stream()
            .filter(
                j ->
                    j.at("/configuration/query/query")
                        .asText()
                        .startsWith("INSERT INTO `recopipe-demo.recopipe.approvals`"))
            .findFirst()
            .orElseThrow();
    String sql = insert.at("/configuration/query/query").asText();
    assertTrue(
        sql.startsWith("INSERT INTO `recopipe-demo.recopipe.approvals` (pipeline, version,"), sql);
    Map<String, String> values = new TreeMap<>();
    insert
        .at("/configuration/query/queryParameters")
        .forEach(p -> values.put(p.get("name").asText(), p.at("/parameterValue/value").asText()));
    assertEquals("movielens-mf", values.get("pipeline"));
    assertEquals("1", values.get("version"));
    assertEquals("job-1", values.get("run_id"));
    assertEquals("PENDING", values.get("state"));
    assertTrue(
        values.get("expires_at").startsWith("2026-12-06T10:00:00"), values.get("expires_at"));
    assertEquals("awaiting_approval", lastStatusLabel(), "set by the exit task, not by Approvals");

    run.commit("job-1", finalStatus("SUCCEEDED"), review());
    assertEquals(1, bq.approvals.size(), "a retried exit task requests nothing twice");
  }

  @Test
  void underAutoTheExitTaskMakesTheRegisteredVersionTheChampionOnceTheJobSucceeded()
      throws Exception {
    register("job-1", "auto", true);

    assertEquals(1, vertex.requests(UploadModelRequest.class).size());
    assertEquals(
        List.of(), vertex.requests(MergeVersionAliasesRequest.class), "not before the commit");

    run.commit("job-1", finalStatus("SUCCEEDED"), Map.of("promotion.policy", "auto"));
    List<MergeVersionAliasesRequest> merges = vertex.requests(MergeVersionAliasesRequest.class);
    assertEquals(1, merges.size());
    assertEquals(
        "projects/recopipe-demo/locations/europe-west1/models/movielens-mf@1",
        merges.get(0).getName());
    assertEquals(List.of("champion"), merges.get(0).getVersionAliasesList());
    // no Cloud Run in this container: no revision moved to it, so promoted, not deployed
    assertEquals("promoted", lastStatusLabel());
    assertEquals(List.of(), bq.approvals, "auto: nothing to approve");

    register("job-1", "auto", true);
    run.commit("job-1", finalStatus("SUCCEEDED"), Map.of("promotion.policy", "auto"));
    assertEquals(1, vertex.requests(UploadModelRequest.class).size(), "a retry registers once");
    assertEquals(
        List.of("register movielens-mf/v1", "promote movielens-mf/v1"),
        auditActions(),
        "the actions a local run audits, once per job although the task ran twice");
    JsonNode registered = Json.parse(bq.audit.get(0).get("detail"));
    assertEquals(JobRegistry.ACTOR, bq.audit.get(0).get("actor"));
    assertEquals("job-1", registered.path("run_id").asText());
    assertEquals(
        List.of("bundle_sha256", "model_version", "run_id"), fieldNames(registered), "as local");
    Path bundle = job.pipelineRoot("job-1").resolve("export/model");
    assertEquals(ModelVersion.of(bundle), registered.path("model_version").asText());
    assertEquals(TreeHash.of(bundle).sha256(), registered.path("bundle_sha256").asText());
    JsonNode promoted = Json.parse(bq.audit.get(1).get("detail"));
    assertEquals(List.of("from", "reason", "status", "to"), fieldNames(promoted), "as local");
    assertEquals("", promoted.path("from").asText(), "no champion before");
    assertEquals("1", promoted.path("to").asText());
    assertEquals("auto promotion of run job-1", promoted.path("reason").asText());
    assertEquals("PROMOTED", promoted.path("status").asText());

    register("job-2", "auto", true);
    run.commit("job-2", finalStatus("SUCCEEDED"), Map.of("promotion.policy", "auto"));
    assertEquals(
        List.of(
            "register movielens-mf/v1",
            "promote movielens-mf/v1",
            "register movielens-mf/v2",
            "status movielens-mf/v1",
            "promote movielens-mf/v2"),
        auditActions(),
        "v1 retired by v2's deploy, audited as a local promotion audits it");
    assertEquals("1", Json.parse(bq.audit.get(4).get("detail")).path("from").asText());
    assertTrue(audit.verify().intact(), "the chain holds");
  }

  @Test
  void aRetryAfterAnUnauditedPromotionAuditsItOnce() throws Exception {
    AuditLog dying = job.dyingAt("promote");
    ContainerRun first = job.containerRun(dying);
    register(first, "job-1", "auto", true);
    Map<String, String> auto = Map.of("promotion.policy", "auto");
    assertThrows(Exception.class, () -> first.commit("job-1", finalStatus("SUCCEEDED"), auto));
    assertEquals("promoted", lastStatusLabel(), "the registry changed, its audit did not");
    assertEquals(List.of("register movielens-mf/v1"), auditActions());

    run.commit("job-1", finalStatus("SUCCEEDED"), auto);
    run.commit("job-1", finalStatus("SUCCEEDED"), auto);

    assertEquals(List.of("register movielens-mf/v1", "promote movielens-mf/v1"), auditActions());
    JsonNode promoted = Json.parse(bq.audit.get(1).get("detail"));
    assertEquals("", promoted.path("from").asText());
    assertEquals("PROMOTED", promoted.path("status").asText());
  }

  @Test
  void aJobThatFailsAfterRegisteringLeavesItsVersionRejectedAndUnreviewable() throws Exception {
    register("job-1", "review", false);

    run.commit("job-1", finalStatus("FAILED"), review());

    assertEquals(List.of(), bq.approvals, "nobody can approve a model whose tables were dropped");
    assertEquals("rejected", lastStatusLabel());
  }

  private List<String> auditActions() {
    return job.auditActions();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    java.util.Collections.sort(names);
    return names;
  }

  private static Map<String, String> review() {
    return Map.of("promotion.policy", "review", "promotion.expires_after", "PT72H");
  }

  private String lastStatusLabel() {
    List<UpdateModelRequest> updates = vertex.requests(UpdateModelRequest.class);
    return updates.get(updates.size() - 1).getModel().getLabelsMap().get("recopipe_status");
  }

  private static JsonNode finalStatus(String state) {
    return VertexJobFixture.finalStatus(state);
  }

  /** Runs the register task of job {@code job} on artifacts as Vertex stages them. */
  private void register(String id, String policy, boolean deployed) throws Exception {
    job.register(run, id, policy, deployed);
  }

  private void register(ContainerRun container, String id, String policy, boolean deployed)
      throws Exception {
    job.register(container, id, policy, deployed);
  }
}
