package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.aiplatform.v1.MergeVersionAliasesRequest;
import com.google.cloud.aiplatform.v1.Model;
import com.google.cloud.aiplatform.v1.UpdateModelRequest;
import com.google.cloud.aiplatform.v1.UploadModelRequest;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.recopipe.components.api.Services;
import io.recopipe.components.evaluate.MetricsReport;
import io.recopipe.components.evaluate.ModelScores;
import io.recopipe.components.packaging.ModelVersion;
import io.recopipe.components.packaging.PushedImage;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.infra.bigquery.BigQueryApprovalTable;
import io.recopipe.infra.bigquery.BigQueryAuditTable;
import io.recopipe.infra.gcs.GcsHeadAnchor;
import io.recopipe.infra.gcs.GcsStub;
import io.recopipe.infra.vertex.FakeModelService;
import io.recopipe.infra.vertex.VertexModelRegistryClient;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.BundleWriter;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.io.Json;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.provenance.Provenance;
import io.recopipe.pipeline.artifacts.TreeHash;
import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.audit.AuditVerification;
import io.recopipe.pipeline.audit.BigQueryAuditLog;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.registry.vertex.VertexModelRegistry;
import io.recopipe.pipeline.review.BigQueryApprovals;
import io.recopipe.pipeline.review.LoopbackBigQueryTables;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final String BUCKET = "recopipe-demo-artifacts";
  private static final String DIGEST = "sha256:" + "ab".repeat(32);
  private static final String IMAGE =
      "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recommender@" + DIGEST;

  @TempDir Path dir;
  private final FakeModelService vertex = new FakeModelService();
  private Server server;
  private ManagedChannel channel;
  private VertexModelRegistryClient client;
  private LoopbackBigQueryTables bq;
  private GcsStub headStore;
  private Warehouse warehouse;
  private ContainerRun run;
  private BigQueryAuditLog audit;
  private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name).directExecutor().addService(vertex).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    client =
        VertexModelRegistryClient.connect(
            LoopbackBigQueryTables.CONFIG,
            FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)),
            NoCredentialsProvider.create(),
            "in-process");
    bq = new LoopbackBigQueryTables();
    headStore = new GcsStub();
    audit =
        new BigQueryAuditLog(
            new BigQueryAuditTable(
                bq.client(), LoopbackBigQueryTables.CONFIG, "audit_log", Duration.ofSeconds(30)),
            GcsHeadAnchor.forAuditTable(
                headStore.client(), LoopbackBigQueryTables.CONFIG, "audit_log"));
    warehouse = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"));
    run = containerRun(audit);
  }

  /** The task entrypoint of a job container whose registration is audited to {@code log}. */
  private ContainerRun containerRun(AuditLog log) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    BigQueryApprovals approvals =
        new BigQueryApprovals(
            new BigQueryApprovalTable(
                bq.client(), LoopbackBigQueryTables.CONFIG, "approvals", Duration.ofSeconds(30)),
            audit);
    Path gcs = dir.resolve("gcs");
    JobRegistry jobs =
        new JobRegistry(
            new VertexModelRegistry(client, uri -> uri, ref -> ref, clock),
            approvals,
            log,
            path -> "gs://" + gcs.relativize(path).toString().replace('\\', '/'),
            clock);
    return new ContainerRun(
        MovieLensMfPipeline.definition(),
        () -> warehouse,
        Services.none().with(JobRegistry.class, jobs),
        dir.resolve("work"),
        quiet);
  }

  @AfterEach
  void stop() throws Exception {
    assertEquals(List.of(), bq.unrouted(), "requests the real BigQuery API would not accept");
    warehouse.close();
    bq.close();
    headStore.close();
    client.close();
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void underReviewTheTaskUploadsTheVersionAndTheSucceededJobRequestsItsApproval() throws Exception {
    register("job-1", "review", false);

    UploadModelRequest upload = vertex.requests(UploadModelRequest.class).get(0);
    assertEquals("projects/recopipe-demo/locations/europe-west1", upload.getParent());
    assertEquals("movielens-mf", upload.getModelId());
    Model model = upload.getModel();
    assertEquals(
        "gs://" + BUCKET + "/pipeline-root/job-1/export/model",
        model.getArtifactUri(),
        "the bundle's Cloud Storage directory, as the task's /gcs/ path names it");
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
    Path bundle = dir.resolve("gcs").resolve(BUCKET).resolve("pipeline-root/job-1/export/model");
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
            "promote movielens-mf/v2"),
        auditActions());
    assertEquals("1", Json.parse(bq.audit.get(3).get("detail")).path("from").asText());
    assertTrue(audit.verify().intact(), "the chain holds");
  }

  @Test
  void aRetryAfterAnUnauditedPromotionAuditsItOnce() throws Exception {
    AuditLog dying =
        new AuditLog() {
          @Override
          public AuditEntry append(
              Instant at, String actor, String action, String subject, Map<String, String> d) {
            if (action.equals("promote")) {
              throw new IllegalStateException("the task died after promoting");
            }
            return audit.append(at, actor, action, subject, d);
          }

          @Override
          public List<AuditEntry> list() {
            return audit.list();
          }

          @Override
          public AuditVerification verify() {
            return audit.verify();
          }
        };
    ContainerRun first = containerRun(dying);
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

  @Test
  void aTaskSeesCloudStorageArtifactsUnderGcs() {
    assertEquals(
        "gs://b/pipeline-root/job-1/export/model",
        JobRegistry.gcsUri(Path.of("/gcs/b/pipeline-root/job-1/export/model")));
  }

  private List<String> auditActions() {
    return bq.audit.stream().map(r -> r.get("action") + " " + r.get("subject")).toList();
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
    return Json.parse(
        "{\"inputs\":{\"parameterValues\":{\"status\":{\"state\":\"" + state + "\"}}}}");
  }

  /** Runs the register task of job {@code job} on artifacts as Vertex stages them. */
  private void register(String job, String policy, boolean deployed) throws Exception {
    register(run, job, policy, deployed);
  }

  private void register(ContainerRun container, String job, String policy, boolean deployed)
      throws Exception {
    Path root = dir.resolve("gcs").resolve(BUCKET).resolve("pipeline-root").resolve(job);
    Map<String, Path> inputs = new LinkedHashMap<>();
    inputs.put("model", bundle(root.resolve("export/model")));
    Path image = Files.createDirectories(root.resolve("package/image"));
    new PushedImage(
            "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recommender:model-1",
            "model-1",
            DIGEST,
            "gcr.io/distroless/java21-debian12",
            List.of("java"),
            Map.of())
        .write(image);
    inputs.put("image", image);
    Path metrics = Files.createDirectories(root.resolve("evaluate/metrics"));
    Files.writeString(
        metrics.resolve(MetricsReport.FILE),
        Json.compact(
            new MetricsReport(
                    new ModelScores(
                        Map.of("mean_squared_error", 0.9, "mean_absolute_error", 0.7), 100, 3, 0),
                    Optional.empty())
                .toJson()));
    inputs.put("metrics", metrics);
    Path decision = Files.createDirectories(root.resolve("gate/decision"));
    Files.writeString(decision.resolve("decision.json"), "{\"blessed\": true, \"checks\": []}");
    inputs.put("decision", decision);
    if (deployed) {
      Path endpoint = Files.createDirectories(root.resolve("deploy/endpoint"));
      Files.writeString(endpoint.resolve("endpoint.json"), "{\"deployed\": true}");
      inputs.put("endpoint", endpoint);
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("promotion.policy", policy);
    params.put("promotion.expires_after", "PT72H");
    container.run(RegisterComponent.NAME, job, inputs, Map.of(), params, Map.of());
  }

  private static Path bundle(Path dir) throws Exception {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    int k = 2;
    MfModel model =
        new MfModel(
            IdDictionary.of(List.of("u1", "u2")),
            IdDictionary.of(List.of("i1", "i2", "i3")),
            k,
            3.5f,
            new float[] {0.1f, 0.2f, 0.3f, 0.4f},
            new float[] {0.1f, -0.1f},
            new float[] {0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.0f},
            new float[] {0.0f, 0.1f, 0.2f});
    BundleManifest manifest =
        BundleManifest.builder()
            .feedbackType("EXPLICIT")
            .options(Map.of("num_factors", k))
            .dataFingerprint("sha256:feed")
            .provenance(Provenance.of(7, "sha256:feed", Map.of()))
            .build();
    Files.createDirectories(dir.getParent());
    BundleWriter.write(dir, model, manifest);
    return dir;
  }
}
