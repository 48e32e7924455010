package io.recopipe.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.aiplatform.v1.UpdateModelRequest;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.CreateServiceRequest;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.protobuf.Message;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.recopipe.components.api.Services;
import io.recopipe.infra.cloudrun.CanaryCheck;
import io.recopipe.infra.cloudrun.CloudRunClients;
import io.recopipe.infra.cloudrun.CloudRunDeployTarget;
import io.recopipe.infra.cloudrun.FakeCloudRun;
import io.recopipe.infra.gcs.GcsStub;
import io.recopipe.infra.vertex.FakeModelService;
import io.recopipe.infra.vertex.VertexModelRegistryClient;
import io.recopipe.pipeline.audit.AuditEntry;
import io.recopipe.pipeline.audit.BigQueryAuditLog;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.promotion.GcpPromotions;
import io.recopipe.pipeline.registry.AuditedRegistry;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.registry.VersionStatus;
import io.recopipe.pipeline.registry.vertex.VertexModelRegistry;
import io.recopipe.pipeline.review.ApprovalState;
import io.recopipe.pipeline.review.BigQueryApprovals;
import io.recopipe.pipeline.review.HomeReview;
import io.recopipe.pipeline.review.LoopbackBigQueryTables;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunProfiles;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review page of {@code recopipe server --profile gcp} on a real server (port 0): it lists the
 * versions waiting in the BigQuery approvals table, and approve/reject decide them there with the
 * home's four-eyes and comment rules, the approved version deployed and every decision audited in
 * BigQuery, its status label moved in the Vertex AI Model Registry (the real clients against the
 * loopback BigQuery, a loopback ModelService and a loopback Cloud Run). Cloud Run is asked to run
 * the pinned image reference each version was uploaded to Vertex AI with, never the home path of
 * its IMAGE artifact.
 */
class GcpReviewServerTest {
  private static final Instant NOW = Instant.parse("2026-12-03T07:00:00Z");
  private static final String IMAGE =
      "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recopipe@sha256:" + "ab".repeat(32);
  private static final String IMAGE_2 =
      "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recopipe@sha256:" + "cd".repeat(32);
  private static final String MODEL =
      "projects/recopipe-demo/locations/europe-west1/models/" + EchoPipeline.NAME;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final FakeModelService vertex = new FakeModelService();
  private final FakeCloudRun cloudRun = new FakeCloudRun();
  private LoopbackBigQueryTables bq;
  private GcsStub gcs;
  private Server grpc;
  private VertexModelRegistryClient client;
  private CloudRunClients services;
  private ModelRegistry registry;
  private BigQueryAuditLog audit;
  private BigQueryApprovals approvals;
  private LocalRunner runner;
  private Sessions sessions;
  private ReviewServer server;

  @BeforeEach
  void start() throws Exception {
    bq = new LoopbackBigQueryTables();
    grpc =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .addService(vertex)
            .addService(cloudRun)
            .addService(cloudRun.revisions())
            .build()
            .start();
    client =
        VertexModelRegistryClient.forEndpoint(
            LoopbackBigQueryTables.CONFIG,
            "127.0.0.1:" + grpc.getPort(),
            true,
            NoCredentialsProvider.create());
    Clock clock = Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC);
    registry =
        new VertexModelRegistry(
            client, uri -> "gs://recopipe-demo-artifacts/artifacts/" + uri + "/", pinned(), clock);
    for (String job : List.of("job-1", "job-2")) {
      registry.register(draft(job), "carol");
    }
    gcs = new GcsStub();
    audit = bq.auditLog(gcs);
    // audited from here on, as the gcp profile composes it
    registry = new AuditedRegistry(registry, audit, clock);
    approvals = bq.approvals(audit);
    approvals.request(EchoPipeline.NAME, 1, "job-1", "carol", NOW, NOW.plus(Duration.ofHours(24)));
    approvals.request(EchoPipeline.NAME, 2, "job-2", "carol", NOW, NOW.plus(Duration.ofHours(24)));

    RecopipeHome home = RecopipeHome.at(dir.resolve("home")).create();
    MetadataStore store = MetadataStore.open(home.metadataDb());
    HomeReview local = HomeReview.sqlite(store, Clock.systemUTC());
    runner =
        new LocalRunner(
            home,
            store,
            RunProfiles.fixed(
                () -> {
                  throw new IllegalStateException("no warehouse in this test");
                },
                Services.none()),
            local,
            registry);
    GcpPromotions promotions =
        new GcpPromotions(
            approvals,
            registry,
            target("127.0.0.1:" + grpc.getPort()),
            audit,
            "recommender_model",
            clock,
            Optional.empty());
    sessions = new Sessions(Clock.systemUTC(), Sessions.IDLE);
    server =
        ReviewServer.start(
            ReviewSite.gcp(
                runner,
                registry,
                new HomeReview(approvals, local.reviewers(), local.policy(), audit),
                promotions,
                List.of(EchoPipeline.definition()),
                clock,
                new PrintStream(OutputStream.nullOutputStream())),
            "127.0.0.1",
            0,
            List.of(),
            sessions);
  }

  @AfterEach
  void stop() {
    server.close();
    runner.close();
    client.close();
    services.close();
    assertEquals(List.of(), cloudRun.violations, "requests the published proto does not allow");
    grpc.shutdownNow();
    bq.close();
    gcs.close();
  }

  @Test
  void listsTheCloudsPendingVersionsAndDecidesThemWithFourEyesDeployAndAudit() throws Exception {
    Session bob = sessions.open(new Reviewer("bob", NOW, false, false));
    Session carol = sessions.open(new Reviewer("carol", NOW, false, false));
    HttpResponse<String> home = get("/", bob);
    assertEquals(200, home.statusCode(), home.body());
    assertTrue(home.body().contains("echo v1") && home.body().contains("echo v2"), home.body());
    HttpResponse<String> page = get("/promotions/echo/1", bob);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("/promotions/echo/1/approve"), "the decision form is open");

    HttpResponse<String> own = decide(carol, 1, "approve", "my own model is fine");
    assertEquals(403, own.statusCode(), own.body());
    assertTrue(own.body().contains("four-eyes rule: carol started run job-1"), own.body());
    assertEquals(List.of(), cloudRun.requests(Message.class), "a refusal deploys nothing");
    assertEquals(ApprovalState.PENDING, approvals.find(EchoPipeline.NAME, 1).orElseThrow().state());

    HttpResponse<String> approved = decide(bob, 1, "approve", "better RMSE");
    assertEquals(303, approved.statusCode(), approved.body());
    assertEquals("/promotions/echo/1", approved.headers().firstValue("Location").orElse(""));
    List<CreateServiceRequest> created = cloudRun.requests(CreateServiceRequest.class);
    assertEquals(1, created.size());
    Container serving = created.get(0).getService().getTemplate().getContainers(0);
    assertEquals(IMAGE, serving.getImage(), "the pinned reference from the Vertex container spec");
    assertEquals(
        Map.of(
            "MODEL_NAME", "recommender_model",
            "MODEL_VERSION", "aaaaaaaaaaaa",
            "RECOPIPE_RUN_ID", "job-1"),
        env(serving, "MODEL_NAME", "MODEL_VERSION", "RECOPIPE_RUN_ID"));
    assertEquals(
        1, registry.alias(EchoPipeline.NAME, ModelRegistry.CHAMPION).orElseThrow().version());
    assertEquals(
        VersionStatus.DEPLOYED, registry.find(EchoPipeline.NAME, 1).orElseThrow().status());

    HttpResponse<String> again = decide(bob, 1, "reject", "changed my mind");
    assertEquals(409, again.statusCode(), again.body());

    HttpResponse<String> rejected = decide(bob, 2, "reject", "worse than v1");
    assertEquals(303, rejected.statusCode(), rejected.body());
    assertEquals(
        VersionStatus.REJECTED, registry.find(EchoPipeline.NAME, 2).orElseThrow().status());
    UpdateModelRequest last =
        vertex
            .requests(UpdateModelRequest.class)
            .get(vertex.requests(UpdateModelRequest.class).size() - 1);
    assertEquals(MODEL + "@2", last.getModel().getName());
    assertEquals("rejected", last.getModel().getLabelsMap().get("recopipe_status"));
    assertEquals(List.of("labels"), last.getUpdateMask().getPathsList());
    assertEquals(1, created.size(), "a rejection deploys nothing");
    assertEquals(List.of(), cloudRun.requests(UpdateServiceRequest.class));

    assertEquals(
        List.of("request_approval", "request_approval", "approve", "promote", "deploy", "reject"),
        audit.list().stream().map(AuditEntry::action).toList());
    assertTrue(audit.verify().intact());
    assertTrue(get("/", bob).body().contains("Nothing waits for review."));
  }

  @Test
  void approvingTheNextVersionUpdatesTheServiceToItsOwnPinnedImage() throws Exception {
    Session bob = sessions.open(new Reviewer("bob", NOW, false, false));
    assertEquals(303, decide(bob, 1, "approve", "better RMSE").statusCode());
    HttpResponse<String> second = decide(bob, 2, "approve", "better still");
    assertEquals(303, second.statusCode(), second.body());

    assertEquals(
        IMAGE,
        cloudRun
            .requests(CreateServiceRequest.class)
            .get(0)
            .getService()
            .getTemplate()
            .getContainers(0)
            .getImage());
    List<UpdateServiceRequest> updates = cloudRun.requests(UpdateServiceRequest.class);
    assertTrue(!updates.isEmpty(), "the second approval updates the service");
    Container serving = updates.get(0).getService().getTemplate().getContainers(0);
    assertEquals(IMAGE_2, serving.getImage(), "v2's own pinned reference, not its home path");
    assertEquals("bbbbbbbbbbbb", env(serving, "MODEL_VERSION").get("MODEL_VERSION"));
    assertEquals(
        Optional.of("runs/job-2/package/image"),
        registry.find(EchoPipeline.NAME, 2).orElseThrow().imageUri(),
        "the registry still shows the home artifact the image was built from");
    assertEquals(
        2, registry.alias(EchoPipeline.NAME, ModelRegistry.CHAMPION).orElseThrow().version());
    assertEquals(
        List.of(
            "request_approval",
            "request_approval",
            "approve",
            "promote",
            "deploy",
            "approve",
            "status", // v1 retired by v2's deploy, as a local approval audits it
            "promote",
            "deploy"),
        audit.list().stream().map(AuditEntry::action).toList());
    assertTrue(audit.list().get(8).detail().contains(IMAGE_2), audit.list().get(8).detail());
  }

  /** The pushed image of each run's IMAGE artifact: v1's and v2's digests differ. */
  private static Function<String, String> pinned() {
    return imageUri -> imageUri.contains("job-1") ? IMAGE : IMAGE_2;
  }

  private static Map<String, String> env(Container container, String... names) {
    List<String> wanted = List.of(names);
    return container.getEnvList().stream()
        .filter(e -> wanted.contains(e.getName()))
        .collect(Collectors.toMap(e -> e.getName(), e -> e.getValue()));
  }

  private CloudRunDeployTarget target(String endpoint) throws Exception {
    services = CloudRunClients.create(NoCredentialsProvider.create(), Optional.of(endpoint), true);
    return new CloudRunDeployTarget(
        services,
        "recopipe-demo",
        "europe-west1",
        "recommender",
        "serving@recopipe-demo.iam.gserviceaccount.com",
        List.of(),
        CanaryCheck.READY_IS_ENOUGH);
  }

  private static RegisteredVersion draft(String job) {
    return new RegisteredVersion(
        EchoPipeline.NAME,
        0,
        job,
        job.equals("job-1") ? "aaaaaaaaaaaa" : "bbbbbbbbbbbb",
        "runs/" + job + "/export/model",
        "f00d",
        Optional.of("runs/" + job + "/package/image"),
        "9f".repeat(32),
        Map.of("num_factors", "8"),
        Map.of("root_mean_squared_error", 0.91),
        "{\"blessed\":true}",
        true,
        VersionStatus.REGISTERED,
        NOW.minusSeconds(60));
  }

  private HttpResponse<String> decide(Session who, int version, String action, String comment)
      throws Exception {
    return post(
        "/promotions/echo/" + version + "/" + action,
        who,
        Map.of("comment", comment, "csrf", who.csrfToken()));
  }

  private HttpResponse<String> get(String path, Session session) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.url().resolve(path))
            .header("Cookie", Requests.SESSION_COOKIE + "=" + session.id())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Session session, Map<String, String> form)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", Requests.SESSION_COOKIE + "=" + session.id())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
