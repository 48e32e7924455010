package io.recopipe.pipeline.kfp;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.recopipe.components.api.Services;
import io.recopipe.components.evaluate.MetricsReport;
import io.recopipe.components.evaluate.ModelScores;
import io.recopipe.components.packaging.PushedImage;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.infra.gcs.GcsStub;
import io.recopipe.infra.vertex.FakeModelService;
import io.recopipe.infra.vertex.VertexModelRegistryClient;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.BundleWriter;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.io.Json;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.provenance.Provenance;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Vertex job's task entrypoint ({@link ContainerRun}) against the real Vertex AI client on an
 * in-process ModelService and the real BigQuery client on a loopback BigQuery (audit log and
 * approvals), with the artifacts a job stages for its {@code register} task, so tests of what the
 * register and exit tasks write share one setup.
 */
final class VertexJobFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  static final String BUCKET = "recopipe-demo-artifacts";
  static final String DIGEST = "sha256:" + "ab".repeat(32);

  final FakeModelService vertex = new FakeModelService();
  final LoopbackBigQueryTables bq;
  final BigQueryAuditLog audit;
  final BigQueryApprovals approvals;
  final VertexModelRegistry registry;
  private final Path dir;
  private final Server server;
  private final ManagedChannel channel;
  private final VertexModelRegistryClient client;
  private final GcsStub headStore;
  private final Warehouse warehouse;

  VertexJobFixture(Path dir) throws Exception {
    this.dir = dir;
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
    audit = bq.auditLog(headStore);
    approvals = bq.approvals(audit);
    registry = new VertexModelRegistry(client, uri -> uri, ref -> ref, clock());
    warehouse = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"));
  }

  static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  /** The task entrypoint of a job container whose registration is audited to {@code log}. */
  ContainerRun containerRun(AuditLog log) {
    Path gcs = dir.resolve("gcs");
    JobRegistry jobs =
        new JobRegistry(
            registry,
            approvals,
            log,
            path -> "gs://" + gcs.relativize(path).toString().replace('\\', '/'),
            clock());
    return new ContainerRun(
        MovieLensMfPipeline.definition(),
        () -> warehouse,
        Services.none().with(JobRegistry.class, jobs),
        dir.resolve("work"),
        new PrintStream(OutputStream.nullOutputStream()));
  }

  /** The audit log's rows as {@code action subject}. */
  List<String> auditActions() {
    return bq.audit.stream().map(r -> r.get("action") + " " + r.get("subject")).toList();
  }

  /** The final status input of an exit task after a job that ended {@code state}. */
  static com.fasterxml.jackson.databind.JsonNode finalStatus(String state) {
    return Json.parse(
        "{\"inputs\":{\"parameterValues\":{\"status\":{\"state\":\"" + state + "\"}}}}");
  }

  /** Runs the exit task of job {@code job} after it SUCCEEDED under {@code promotion: auto}. */
  void promoteAuto(ContainerRun container, String job) throws Exception {
    container.commit(job, finalStatus("SUCCEEDED"), Map.of("promotion.policy", "auto"));
  }

  /** Runs the register task of job {@code job} on artifacts as Vertex stages them. */
  void register(ContainerRun container, String job, String policy, boolean deployed)
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

  @Override
  public void close() throws Exception {
    warehouse.close();
    bq.close();
    headStore.close();
    client.close();
    channel.shutdownNow();
    server.shutdownNow();
  }

  /** The fixture's audit log, failing the first append of {@code action}. */
  AuditLog dyingAt(String action) {
    return new AuditLog() {
      private boolean died;

      @Override
      public AuditEntry append(
          Instant at, String actor, String what, String subject, Map<String, String> detail) {
        if (what.equals(action) && !died) {
          died = true;
          throw new IllegalStateException("the task died before auditing " + what);
        }
        return audit.append(at, actor, what, subject, detail);
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
  }
}
