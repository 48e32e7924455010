package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.components.api.Services;
import io.recopipe.components.evaluate.MetricsReport;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.artifacts.TreeHash;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.RunStatus;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.runner.ChampionBundles;
import io.recopipe.pipeline.runner.RunProfiles;
import io.recopipe.pipeline.runner.RunResult;
import io.recopipe.pipeline.testing.ReviewRuns;
import io.recopipe.pipeline.testing.TestRunners;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code run --profile gcp} of a home that never saw its pipeline's champion (a Vertex job
 * promoted it: its bundle is only in the artifact store, {@code gs://BUCKET/artifacts/}) compares
 * with that champion: the run reads {@code models/M@1} ({@code GetModel}, {@code
 * google/cloud/aiplatform/v1/model_service.proto}) and downloads its {@code artifact_uri} into the
 * home's cache ({@code objects.get}, {@code
 * https://cloud.google.com/storage/docs/json_api/v1/objects/get}), every file checked against the
 * artifact's manifest, and its evaluate and gate judge the run's model against it; a champion that
 * cannot be downloaded fails the run instead of judging it as the pipeline's first.
 */
class GcpRunJobChampionTest {
  private static final String BUNDLE = "artifacts/job-1/export/model/";

  @TempDir Path dir;
  private final Pipeline pipeline = MovieLensMfPipeline.definition();
  private VertexJobFixture job;
  private ReviewRuns home;

  @BeforeEach
  void start() throws Exception {
    job = new VertexJobFixture(dir.resolve("job"));
    home =
        ReviewRuns.open(
            dir.resolve("home"),
            pipeline,
            recopipeHome ->
                parameters ->
                    new RunProfiles.Profile(
                        TestRunners.duckDb(recopipeHome),
                        Services.none(),
                        Optional.of(job.registry),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(ChampionBundles.of(job.champions()))),
            VertexJobFixture.clock());
    ContainerRun register = job.containerRun(job.audit, dir.resolve("job-1-register"));
    job.register(register, "job-1", "auto", true);
    job.promoteAuto(register, "job-1");
  }

  @AfterEach
  void stop() throws Exception {
    assertEquals(List.of(), job.gcs.violations(), "requests Cloud Storage would not accept");
    home.close();
    job.close();
  }

  @Test
  void theRunsGateComparesWithTheChampionAVertexJobPromoted() throws Exception {
    String sha256 = TreeHash.of(job.exportedModel("job-1")).sha256();
    assertEquals(
        1, job.registry.alias(MovieLensMfPipeline.NAME, ModelRegistry.CHAMPION).get().version());

    RunResult run = run();

    assertNotEquals(RunStatus.FAILED, run.status(), run.message());
    Path artifacts = RecopipeHome.at(dir.resolve("home")).artifacts();
    MetricsReport report =
        MetricsReport.fromJson(
            StepFiles.readJson(
                "test",
                artifacts
                    .resolve(run.step("evaluate").orElseThrow().outputs().get("metrics").uri())
                    .resolve(MetricsReport.FILE)));
    assertTrue(report.champion().isPresent(), "evaluate scored the job's champion too");
    JsonNode decision =
        Json.parse(
            Files.readString(
                artifacts
                    .resolve(run.step("gate").orElseThrow().outputs().get("decision").uri())
                    .resolve("decision.json")));
    assertFalse(decision.path("first_run").asBoolean(true), "judged against the champion");
    try (Stream<Path> copies = Files.list(dir.resolve("home/cache/champions"))) {
      List<Path> fetched = copies.toList();
      assertEquals(1, fetched.size(), "downloaded once, into the home's cache: " + fetched);
      assertEquals(sha256, TreeHash.of(fetched.get(0).resolve("v1")).sha256(), "job-1's bundle");
    }
  }

  @Test
  void aChampionThatCannotBeDownloadedFailsTheRun() throws Exception {
    Path exported = job.exportedModel("job-1");
    try (Stream<Path> files = Files.walk(exported)) {
      Path file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
      job.gcs.put(
          VertexJobFixture.BUCKET,
          BUNDLE + exported.relativize(file).toString().replace('\\', '/'),
          "cut".getBytes(StandardCharsets.UTF_8));
    }

    RunResult run = run();

    assertEquals(RunStatus.FAILED, run.status(), run.message());
    assertTrue(
        run.message().startsWith("cannot fetch the champion " + MovieLensMfPipeline.NAME + " v1"),
        run.message());
    assertFalse(run.message().contains("\n"), "one line: " + run.message());
    assertTrue(run.step("gate").isEmpty(), "the gate never judged without the champion");
  }

  private RunResult run() {
    return home.runner()
        .run(pipeline, ReviewRuns.parameters(pipeline, Map.of()), VertexJobFixture.QUIET);
  }
}
