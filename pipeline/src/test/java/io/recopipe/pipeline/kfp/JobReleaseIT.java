package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceName;
import com.google.cloud.run.v2.TrafficTarget;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.recopipe.components.deploy.DeployRequest;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.infra.cloudrun.CloudRunClients;
import io.recopipe.infra.cloudrun.CloudRunDeployTarget;
import io.recopipe.infra.cloudrun.FakeCloudRun;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.launch.SpecRun;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.registry.VersionStatus;
import io.recopipe.pipeline.review.SqliteApprovals;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Vertex job under {@code promotion: auto}, compiled and run by the real spec runner ({@code run
 * --spec}), each task a child process with a gcp job's services: the real Cloud Run target on a
 * loopback Cloud Run ({@link FakeCloudRun}), the SQLite registry, approvals and audit, a DuckDB
 * warehouse. A job whose gate requires a review deploys nothing and ends awaiting approval; a job
 * that fails after deploy (a later task, the tables' publish) leaves the old revision serving all
 * traffic, its tables unpublished and its version rejected; a job that succeeds moves the traffic
 * in its last action, after the publish.
 */
class JobReleaseIT {
  private static final String OLD_MODEL = "00000000aaaa";
  private static final String OLD_REVISION = "recommender-m-" + OLD_MODEL + "-1";

  @TempDir Path dir;
  private final FakeCloudRun cloudRun = new FakeCloudRun();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private Server grpc;
  private CloudRunClients client;
  private Path shared;
  private Path spec;

  @BeforeEach
  void start() throws Exception {
    grpc =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .addService(cloudRun)
            .addService(cloudRun.revisions())
            .build()
            .start();
    String endpoint = "127.0.0.1:" + grpc.getPort();
    client = ReleaseJobMain.clients(endpoint);
    // the model serving before any job: all traffic on its revision
    ReleaseJobMain.target(client)
        .deploy(
            new DeployRequest(
                ReleasePipeline.REGISTRY + "@sha256:" + "0".repeat(64),
                OLD_MODEL,
                "job-0",
                "recommender_model",
                0));
    shared = Files.createDirectories(dir.resolve("shared"));
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-modules",
            "jdk.incubator.vector",
            "-cp",
            System.getProperty("java.class.path"),
            ReleaseJobMain.class.getName());
    KfpOptions options =
        new KfpOptions(
            "example.com/release@sha256:" + "1".repeat(64),
            command,
            "recopipe-test",
            Optional.empty(),
            Map.of(ReleaseJobMain.DIR, shared.toString(), ReleaseJobMain.CLOUD_RUN, endpoint),
            true);
    spec = dir.resolve("spec.json");
    Files.writeString(
        spec,
        VertexSpec.toJson(
            new KfpCompiler(options)
                .compile(ReleasePipeline.definition(), ReleasePipeline.config())));
  }

  @AfterEach
  void stop() throws Exception {
    assertEquals(List.of(), cloudRun.violations, "requests the published proto does not allow");
    client.close();
    grpc.shutdownNow().awaitTermination();
  }

  @Test
  void trafficMovesOnlyAfterEverythingElseSucceededAndAForcedReviewDeploysNothing()
      throws Exception {
    JsonNode forced = job(Map.of("gate.force_review", "true"), true);
    assertEquals("SUCCEEDED", state(forced, "exit-handler-1.condition-1.condition-4"));
    assertEquals("NOT_TRIGGERED", state(forced, "exit-handler-1.condition-1.condition-3"));
    assertTrue(forced.path("exit-handler-1.condition-1.condition-3.deploy").isMissingNode());
    assertEquals(true, forced.at("/exit-handler-1.gate/parameters/review_required").asBoolean());
    RegisteredVersion v1 = version(1);
    assertEquals(VersionStatus.AWAITING_APPROVAL, v1.status(), "ends as a review job ends");
    assertTrue(approvalRequested(v1), "the approval request is written");
    assertEquals(List.of(OLD_REVISION + "=100"), traffic(), "nothing deployed");
    assertEquals(List.of(v1.runId()), rows("ratings"), "its tables are published, as under review");

    JsonNode failedLater = job(Map.of("hybrid.fail", "true"), false);
    assertEquals("SUCCEEDED", state(failedLater, "exit-handler-1.condition-1.condition-3.deploy"));
    assertEquals("FAILED", state(failedLater, "exit-handler-1.condition-2.hybrid"));
    assertEquals(List.of(OLD_REVISION + "=100"), traffic(), "the staged revision has no traffic");
    assertEquals(VersionStatus.REJECTED, version(2).status());
    assertEquals(List.of(v1.runId()), rows("ratings"), "nothing of the failed job is published");
    assertEquals(List.of(v1.runId()), rows("recommendations"));

    Files.writeString(shared.resolve(ReleaseJobMain.FAIL_PUBLISH), "");
    JsonNode failedPublish = job(Map.of(), false);
    assertEquals("SUCCEEDED", state(failedPublish, "exit-handler-1"));
    assertEquals("FAILED", state(failedPublish, "commit"));
    assertEquals(List.of(OLD_REVISION + "=100"), traffic(), "a failed publish moves no traffic");
    assertEquals(VersionStatus.REJECTED, version(3).status());
    assertEquals(List.of(v1.runId()), rows("ratings"));
    assertEquals(Optional.empty(), champion(), "no job promoted a version yet");
    Files.delete(shared.resolve(ReleaseJobMain.FAIL_PUBLISH));

    JsonNode succeeded = job(Map.of(), true);
    assertEquals(
        false, succeeded.at("/exit-handler-1.gate/parameters/review_required").asBoolean());
    RegisteredVersion v4 = version(4);
    String revision = "recommender-m-" + v4.modelVersion().toLowerCase() + "-1";
    assertEquals(List.of(revision + "=100"), traffic(), "all traffic on the job's revision");
    assertEquals(List.of(v4.runId()), rows("ratings"));
    assertEquals(List.of(v4.runId()), rows("recommendations"));
    assertEquals(VersionStatus.DEPLOYED, v4.status());
    assertEquals(Optional.of(4), champion());
    assertEquals(
        OLD_REVISION,
        service().getAnnotationsMap().get(CloudRunDeployTarget.PREVIOUS_ANNOTATION),
        "a rollback returns to the revision that served before");
    List<String> updates =
        cloudRun.requests(com.google.cloud.run.v2.UpdateServiceRequest.class).stream()
            .map(u -> FakeTraffic.of(u.getService()))
            .toList();
    assertEquals(
        List.of(OLD_REVISION + "=100", revision + "=100"),
        updates.subList(updates.size() - 2, updates.size()),
        "the job's deploy created the revision with the traffic pinned; the commit moved it");
  }

  /** Runs one job with root parameter {@code overrides}; returns its tasks' record. */
  private JsonNode job(Map<String, String> overrides, boolean succeeds) throws Exception {
    log.reset();
    SpecRun.Outcome outcome =
        SpecRun.load(spec, overrides)
            .run(dir.resolve("home"), true, new PrintStream(log, true, StandardCharsets.UTF_8));
    if (succeeds != outcome.succeeded()) {
      StringBuilder logs = new StringBuilder(log.toString(StandardCharsets.UTF_8));
      try (var files = Files.walk(outcome.directory().resolve("tasks"))) {
        for (Path file : files.filter(f -> f.endsWith("task.log")).toList()) {
          logs.append("\n--- ").append(file).append('\n').append(Files.readString(file));
        }
      }
      throw new AssertionError("expected the job to " + (succeeds ? "succeed" : "fail") + logs);
    }
    return Json.parse(Files.readAllBytes(outcome.directory().resolve(SpecRun.RECORD)))
        .path("tasks");
  }

  private static String state(JsonNode tasks, String task) {
    return tasks.path(task).path("state").asText();
  }

  private Service service() {
    return client
        .services()
        .getService(
            ServiceName.of(ReleaseJobMain.PROJECT, ReleaseJobMain.REGION, ReleaseJobMain.SERVICE)
                .toString());
  }

  /** The service's traffic split as {@code [revision=percent]}. */
  private List<String> traffic() {
    List<String> split = new ArrayList<>();
    for (TrafficTarget t : service().getTrafficList()) {
      if (t.getPercent() > 0) {
        split.add(t.getRevision() + "=" + t.getPercent());
      }
    }
    return split;
  }

  private RegisteredVersion version(int number) {
    try (MetadataStore store = MetadataStore.open(shared.resolve("metadata.db"))) {
      return new SqliteModelRegistry(store)
          .find(ReleasePipeline.NAME, number)
          .orElseThrow(() -> new AssertionError("no version " + number));
    }
  }

  private Optional<Integer> champion() {
    try (MetadataStore store = MetadataStore.open(shared.resolve("metadata.db"))) {
      return new SqliteModelRegistry(store)
          .alias(ReleasePipeline.NAME, ModelRegistry.CHAMPION)
          .map(RegisteredVersion::version);
    }
  }

  private boolean approvalRequested(RegisteredVersion v) {
    try (MetadataStore store = MetadataStore.open(shared.resolve("metadata.db"))) {
      return new SqliteApprovals(store).forRun(v.runId()).isPresent();
    }
  }

  /** The published rows of table {@code table} (the job ids that wrote them). */
  private List<String> rows(String table) throws Exception {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(shared.resolve("warehouse.duckdb"))) {
      if (!warehouse.hasTable(table)) {
        return List.of();
      }
      List<String> ids = new ArrayList<>();
      warehouse
          .query("SELECT run_id FROM " + table)
          .rows()
          .forEach(r -> ids.add(r.get(0).toString()));
      return ids;
    }
  }

  /** The traffic of an update request, as {@code [revision=percent]} with a share. */
  private static final class FakeTraffic {
    static String of(Service service) {
      List<String> split = new ArrayList<>();
      service.getTrafficList().stream()
          .filter(t -> t.getPercent() > 0)
          .forEach(t -> split.add(t.getRevision() + "=" + t.getPercent()));
      return String.join(",", split);
    }
  }
}
