package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.aiplatform.v1.UpdateModelRequest;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.protobuf.Message;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.recopipe.infra.cloudrun.FakeCloudRun;
import io.recopipe.infra.gcs.GcsStub;
import io.recopipe.infra.vertex.FakeModelService;
import io.recopipe.infra.vertex.VertexModelRegistryClient;
import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.audit.BigQueryAuditLog;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import io.recopipe.pipeline.registry.vertex.VertexModelRegistry;
import io.recopipe.pipeline.review.LoopbackBigQueryTables;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recopipe models approve --profile gcp} through the real CLI against loopback BigQuery,
 * Cloud Storage, Vertex AI and Cloud Run (the config's endpoint overrides), so the whole decision a
 * reviewer makes on a cloud run is proven without network: four-eyes refuses the run's starter,
 * another reviewer's approval deploys the pinned image, audits it and labels the version.
 */
class GcpApproveIT {
  private static final Instant NOW = Instant.now();
  private static final String PIPELINE = ModelsCommand.DEFAULT_PIPELINE;
  private static final String IMAGE =
      "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recopipe@sha256:" + "ab".repeat(32);

  @TempDir Path dir;
  private final FakeModelService vertex = new FakeModelService();
  private final FakeCloudRun cloudRun = new FakeCloudRun();
  private LoopbackBigQueryTables bq;
  private GcsStub gcs;
  private Server grpc;
  private BigQueryAuditLog audit;
  private Path config;

  @BeforeEach
  void seed() throws Exception {
    bq = new LoopbackBigQueryTables();
    gcs = new GcsStub();
    grpc =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .addService(vertex)
            .addService(cloudRun)
            .addService(cloudRun.revisions())
            .build()
            .start();
    String endpoint = "127.0.0.1:" + grpc.getPort();
    try (VertexModelRegistryClient client =
        VertexModelRegistryClient.forEndpoint(
            LoopbackBigQueryTables.CONFIG, endpoint, true, NoCredentialsProvider.create())) {
      new VertexModelRegistry(
              client,
              uri -> "gs://recopipe-demo-artifacts/artifacts/" + uri + "/",
              imageUri -> IMAGE,
              Clock.systemUTC())
          .register(draft(), "carol");
    }
    audit = bq.auditLog(gcs);
    bq.approvals(audit).request(PIPELINE, 1, "job-1", "carol", NOW, NOW.plus(Duration.ofHours(24)));
    config =
        Files.writeString(
            dir.resolve("gcp.yaml"),
            """
            gcp:
              project: recopipe-demo
              region: europe-west1
              dataset: recopipe
              dataset_location: EU
              bucket: recopipe-demo-artifacts
              repository: recopipe
              service: recommender
              pipeline_service_account: pipeline@recopipe-demo.iam.gserviceaccount.com
              serving_service_account: serving@recopipe-demo.iam.gserviceaccount.com
              bigquery_endpoint: %s
              storage_endpoint: %s
              run_endpoint: %s
              vertex_endpoint: %s
              plaintext_endpoints: true
            """
                .formatted(
                    bq.client().getOptions().getHost(),
                    gcs.client().getOptions().getHost(),
                    endpoint,
                    endpoint));
  }

  @AfterEach
  void stop() {
    grpc.shutdownNow();
    bq.close();
    gcs.close();
  }

  @Test
  void theStarterIsRefusedAndAnotherReviewersApprovalDeploysThePinnedImage() throws Exception {
    Path carol = CliReviewers.add(dir.resolve("home"), dir, "carol");
    Path bob = CliReviewers.add(dir.resolve("home"), dir, "bob", "--token-file", carol.toString());

    CliRunner.Result own = approve(carol, "my own model is fine");
    assertEquals(ExitCodes.REFUSED, own.code(), own.transcript());
    assertEquals(1, own.err().lines().count(), own.err());
    assertTrue(own.err().contains("four-eyes rule: carol started run job-1"), own.err());
    assertEquals(List.of(), cloudRun.requests(Message.class), "a refusal deploys nothing");

    CliRunner.Result approved = approve(bob, "better RMSE");
    assertEquals(ExitCodes.OK, approved.code(), approved.transcript());
    List<CreateServiceRequest> created = cloudRun.requests(CreateServiceRequest.class);
    assertEquals(1, created.size());
    assertEquals(
        IMAGE,
        created.get(0).getService().getTemplate().getContainers(0).getImage(),
        "the pinned reference the version was uploaded to Vertex AI with");
    assertEquals(
        List.of("request_approval", "approve", "promote", "deploy"),
        audit.list().stream().map(AuditEntry::action).toList());
    assertTrue(audit.verify().intact(), "the audit chain and its head agree");
    List<UpdateModelRequest> labels = vertex.requests(UpdateModelRequest.class);
    assertTrue(
        labels.stream()
            .anyMatch(u -> "approved".equals(u.getModel().getLabelsMap().get("recopipe_status"))),
        labels.toString());
    assertEquals(List.of(), cloudRun.violations, "requests the published proto does not allow");
    assertEquals(List.of(), bq.unrouted(), "BigQuery requests the loopback does not know");
  }

  private CliRunner.Result approve(Path token, String comment) {
    return CliRunner.run(
        "models",
        "approve",
        "1",
        "--comment",
        comment,
        "--token-file",
        token.toString(),
        "--profile",
        "gcp",
        "--config",
        config.toString(),
        "--home",
        dir.resolve("home").toString());
  }

  private static RegisteredVersion draft() {
    return new RegisteredVersion(
        PIPELINE,
        0,
        "job-1",
        "aaaaaaaaaaaa",
        "runs/job-1/export/model",
        "f00d",
        Optional.of("runs/job-1/package/image"),
        "9f".repeat(32),
        Map.of("num_factors", "8"),
        Map.of("root_mean_squared_error", 0.91),
        "{\"blessed\":true}",
        true,
        VersionStatus.REGISTERED,
        NOW.minusSeconds(60));
  }
}
