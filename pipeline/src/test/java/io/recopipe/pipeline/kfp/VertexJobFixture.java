package io.recopipe.pipeline.kfp;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.recopipe.components.api.Services;
import io.recopipe.components.deploy.DeployTarget;
import io.recopipe.components.evaluate.MetricsReport;
import io.recopipe.components.evaluate.ModelScores;
import io.recopipe.components.packaging.PushedImage;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.infra.gcs.GcsArtifactStore;
import io.recopipe.infra.gcs.GcsStub;
import io.recopipe.infra.vertex.ChampionDownload;
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
import io.recopipe.pipeline.promotion.GcpPromotions;
import io.recopipe.pipeline.registry.AuditedRegistry;
import io.recopipe.pipeline.registry.vertex.VertexModelRegistry;
import io.recopipe.pipeline.review.BigQueryApprovals;
import io.recopipe.pipeline.review.LoopbackBigQueryTables;
import io.recopipe.pipeline.runner.RunOptions;
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
 * A Vertex job's task entrypoint ({@link ContainerRun}) wired as the gcp profile wires it ({@link
 * JobRegistry#onVertex}, {@link ChampionSource#of}): the real Vertex AI client on an in-process
 * ModelService, the real Cloud Storage client on a loopback Cloud Storage (the artifact store under
 * {@code gs://BUCKET/artifacts/} and the audit log's head anchor) and the real BigQuery client on a
 * loopback BigQuery (audit log and approvals), with the artifacts a job stages for its {@code
 * register} task, so tests of what the register and exit tasks write, and of the champion the next
 * job reads, share one setup.
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

  /** The bucket's loopback Cloud Storage: the artifact store and the audit log's head anchor. */
  final GcsStub gcs;

  /** The gcp profile's artifact store, {@code gs://BUCKET/artifacts/}. */
  final GcsArtifactStore artifacts;

  private final Path dir;
  private final Server server;
  private final ManagedChannel channel;
  private final VertexModelRegistryClient client;
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
    gcs = new GcsStub();
    artifacts = new GcsArtifactStore(gcs.client(), BUCKET, "artifacts");
    audit = bq.auditLog(gcs);
    approvals = bq.approvals(audit);
    registry = new VertexModelRegistry(client, uri -> uri, ref -> ref, clock());
    warehouse = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"));
  }

  static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  /** The task entrypoint of a job container whose registration is audited to {@code log}. */
  ContainerRun containerRun(AuditLog log) {
    return containerRun(log, Services.none(), dir.resolve("work"));
  }

  /** As {@link #containerRun(AuditLog)}, with {@code services} (a deploy target) too. */
  ContainerRun containerRun(AuditLog log, Services services) {
    return containerRun(log, services, dir.resolve("work"));
  }

  /**
   * As {@link #containerRun(AuditLog)}, with the task's scratch space (where it downloads the
   * champion) in {@code work}: a new directory is a new task's container.
   */
  ContainerRun containerRun(AuditLog log, Path work) {
    return containerRun(log, Services.none(), work);
  }

  private ContainerRun containerRun(AuditLog log, Services services, Path work) {
    return new ContainerRun(
        MovieLensMfPipeline.definition(),
        () -> warehouse,
        services.with(
            JobRegistry.class, JobRegistry.onVertex(client, artifacts, approvals, log, clock())),
        work,
        new PrintStream(OutputStream.nullOutputStream()),
        ChampionSource.of(champions()));
  }

  /** The gcp profile's download of an alias's bundle: the registry's artifact from the store. */
  ChampionDownload champions() {
    return new ChampionDownload(client, artifacts);
  }

  /**
   * The Cloud Storage FUSE path ({@code /gcs/BUCKET/pipeline-root/JOB/...}) tasks of {@code job}
   * see.
   */
  Path pipelineRoot(String job) {
    return dir.resolve("gcs").resolve(BUCKET).resolve("pipeline-root").resolve(job);
  }

  /** Options of a run that a reviewer action resumes, printing nothing. */
  static final RunOptions QUIET = RunOptions.to(new PrintStream(OutputStream.nullOutputStream()));

  /**
   * The reviewer actions of the gcp profile over this fixture's approvals, registry and audit log,
   * deploying to {@code target}, a minute after {@link #NOW}.
   */
  GcpPromotions promotions(DeployTarget target) {
    Clock clock = Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC);
    return new GcpPromotions(
        approvals,
        new AuditedRegistry(registry, audit, clock),
        target,
        audit,
        "recommender_model",
        clock,
        Optional.empty());
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
    Path root = pipelineRoot(job);
    Map<String, Path> inputs = new LinkedHashMap<>();
    inputs.put("model", exportedModel(job));
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

  /**
   * The bundle the export task of {@code job} wrote, as its tasks see it (written on first use): a
   * model whose predictions (so its model version) are the job's own, its mean differs.
   */
  Path exportedModel(String job) throws Exception {
    return bundle(pipelineRoot(job).resolve("export/model"), job);
  }

  private static Path bundle(Path dir, String job) throws Exception {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    int k = 2;
    MfModel model =
        new MfModel(
            IdDictionary.of(List.of("u1", "u2")),
            IdDictionary.of(List.of("i1", "i2", "i3")),
            k,
            3.5f + Math.floorMod(job.hashCode(), 1000) / 1000f,
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
    gcs.close();
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
