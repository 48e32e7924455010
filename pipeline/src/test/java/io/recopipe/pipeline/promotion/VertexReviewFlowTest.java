package io.recopipe.pipeline.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.aiplatform.v1.Model;
import com.google.cloud.aiplatform.v1.UpdateModelRequest;
import com.google.cloud.aiplatform.v1.UploadModelRequest;
import com.google.protobuf.FieldMask;
import io.recopipe.components.api.Services;
import io.recopipe.infra.vertex.FakeModelService;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.registry.VersionStatus;
import io.recopipe.pipeline.registry.vertex.VertexModelRegistry;
import io.recopipe.pipeline.review.ApprovalState;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import io.recopipe.pipeline.runner.RunProfiles;
import io.recopipe.pipeline.runner.RunResult;
import io.recopipe.pipeline.testing.ReviewRuns;
import io.recopipe.pipeline.testing.TestRunners;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose profile registers in the Vertex AI Model Registry (the real {@code
 * ModelServiceClient} against an in-process ModelService) under {@code promotion: review}, with its
 * approval in the home: the runner marks the Vertex version awaiting approval, and a reviewer's
 * approve or reject moves its status label with exactly one {@code UpdateModel} request ({@code
 * model_service.proto} UpdateModelRequest: model name {@code MODEL@VERSION}, update_mask {@code
 * labels}).
 */
class VertexReviewFlowTest {
  private static final String MODEL =
      "projects/recopipe-demo/locations/europe-west1/models/" + MovieLensMfPipeline.NAME;
  private static final String IMAGE =
      "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recommender@sha256:" + "cd".repeat(32);
  private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

  @TempDir Path dir;

  private final FakeModelService fake = new FakeModelService();
  private final Pipeline pipeline = MovieLensMfPipeline.definition();
  private ModelRegistry vertex;
  private ReviewRuns under;
  private SqliteModelRegistry home;
  private LocalRunner runner;
  private Promotions promotions;
  private Reviewer alice;
  private Reviewer bob;

  @BeforeEach
  void open() throws Exception {
    vertex =
        new VertexModelRegistry(
            fake.client(),
            uri -> "gs://recopipe-demo-artifacts/artifacts/" + uri + "/",
            image -> IMAGE,
            Clock.fixed(T0, ZoneOffset.UTC));
    under =
        ReviewRuns.open(
            dir.resolve("home"),
            pipeline,
            recopipeHome ->
                parameters ->
                    new RunProfiles.Profile(
                        TestRunners.duckDb(recopipeHome), Services.none(), Optional.of(vertex)),
            Clock.fixed(T0, ZoneOffset.UTC));
    home = under.registry();
    runner = under.runner();
    promotions = under.promotions();
    alice = under.alice();
    bob = under.bob();
  }

  @AfterEach
  void close() {
    under.close();
    fake.close();
  }

  @Test
  void theRunnerMarksTheVertexVersionAwaitingApprovalAndRejectingLabelsItRejected()
      throws Exception {
    RunResult waiting = run("alice");
    assertEquals(RunStatus.AWAITING_APPROVAL, waiting.status(), waiting.message());
    assertEquals(
        VersionStatus.AWAITING_APPROVAL,
        vertex.find(MovieLensMfPipeline.NAME, 1).orElseThrow().status());
    assertEquals(
        List.of(statusUpdate("awaiting_approval")), fake.requests(UpdateModelRequest.class));
    assertTrue(home.list(MovieLensMfPipeline.NAME).isEmpty(), "the version lives in Vertex AI");

    int before = fake.requests(UpdateModelRequest.class).size();
    ReviewException own =
        assertThrows(
            ReviewException.class,
            () -> promotions.approve(MovieLensMfPipeline.NAME, 1, alice, "mine", options("alice")));
    assertEquals(ReviewException.Kind.FORBIDDEN, own.kind());
    assertEquals(
        before, fake.requests(UpdateModelRequest.class).size(), "a refusal labels nothing");

    promotions.reject(MovieLensMfPipeline.NAME, 1, bob, "worse than the champion");
    List<UpdateModelRequest> updates = fake.requests(UpdateModelRequest.class);
    assertEquals(before + 1, updates.size());
    assertEquals(statusUpdate("rejected"), updates.get(before));
    assertEquals(
        VersionStatus.REJECTED, vertex.find(MovieLensMfPipeline.NAME, 1).orElseThrow().status());
    assertEquals(RunStatus.REJECTED, runner.findRun(waiting.runId()).orElseThrow().status());
  }

  @Test
  void approvingLabelsTheVertexVersionApprovedBeforeItsRunResumes() throws Exception {
    RunResult waiting = run("alice");
    assertEquals(RunStatus.AWAITING_APPROVAL, waiting.status(), waiting.message());
    int before = fake.requests(UpdateModelRequest.class).size();
    RunResult resumed =
        promotions.approve(MovieLensMfPipeline.NAME, 1, bob, "better RMSE", options("bob"));
    assertEquals(RunStatus.SUCCEEDED, resumed.status(), resumed.message());
    UpdateModelRequest approved = fake.requests(UpdateModelRequest.class).get(before);
    assertEquals(statusUpdate("approved"), approved);
    assertEquals(
        ApprovalState.APPROVED,
        promotions.approval(MovieLensMfPipeline.NAME, 1).orElseThrow().state());
    assertEquals(
        1, vertex.alias(MovieLensMfPipeline.NAME, ModelRegistry.CHAMPION).orElseThrow().version());
  }

  /**
   * The exact request that sets {@code status} on version 1: the labels it was uploaded with, the
   * status replaced, and only the labels in the mask.
   */
  private UpdateModelRequest statusUpdate(String status) {
    Map<String, String> labels =
        new HashMap<>(fake.requests(UploadModelRequest.class).get(0).getModel().getLabelsMap());
    labels.put("recopipe_status", status);
    return UpdateModelRequest.newBuilder()
        .setModel(Model.newBuilder().setName(MODEL + "@1").putAllLabels(labels))
        .setUpdateMask(FieldMask.newBuilder().addPaths("labels"))
        .build();
  }

  private RunResult run(String who) {
    return runner.run(pipeline, ReviewRuns.parameters(pipeline, Map.of()), options(who));
  }

  private static RunOptions options(String who) {
    return new RunOptions(
        false,
        new PrintStream(OutputStream.nullOutputStream()),
        who,
        Clock.fixed(T0, ZoneOffset.UTC));
  }
}
