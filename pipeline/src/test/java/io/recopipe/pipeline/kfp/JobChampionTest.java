package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.aiplatform.v1.UploadModelRequest;
import io.recopipe.components.evaluate.MetricsReport;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.infra.gcs.ArtifactManifest;
import io.recopipe.infra.gcs.GcsStub;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.artifacts.Directories;
import io.recopipe.pipeline.artifacts.TreeHash;
import io.recopipe.pipeline.registry.ModelRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The champion one Vertex job promotes is the champion the next job compares with, over the pieces
 * a Vertex task runs (the gcp profile's wiring, {@link VertexJobFixture}): the {@code register}
 * task uploads the job's bundle to the artifact store (objects.insert, manifest last: {@code
 * https://cloud.google.com/storage/docs/json_api/v1/objects/insert}) and records it as the
 * version's {@code artifact_uri} ({@code UploadModelRequest.model.artifact_uri} of {@code
 * google/cloud/aiplatform/v1/model_service.proto}); the exit task moves the {@code champion} alias;
 * {@code ChampionDownload} reads {@code models/M@champion} and fetches that artifact; and the next
 * job's evaluate and gate, each in a container of its own, compare with it, after the first job's
 * pipeline root has expired.
 */
class JobChampionTest {
  private static final String BUNDLE = "artifacts/job-1/export/model/";

  @TempDir Path dir;
  private VertexJobFixture job;

  @BeforeEach
  void start() throws Exception {
    job = new VertexJobFixture(dir);
  }

  @AfterEach
  void stop() throws Exception {
    assertEquals(List.of(), job.gcs.violations(), "requests Cloud Storage would not accept");
    job.close();
  }

  @Test
  void theNextJobComparesWithTheChampionTheLastJobPromoted() throws Exception {
    ContainerRun first = job.containerRun(job.audit, dir.resolve("job-1-register"));
    job.register(first, "job-1", "auto", true);
    job.promoteAuto(first, "job-1");

    assertEquals(
        "gs://" + VertexJobFixture.BUCKET + "/" + BUNDLE,
        job.vertex.requests(UploadModelRequest.class).get(0).getModel().getArtifactUri());
    List<String> inserted = insertedUnder(BUNDLE);
    assertEquals(
        BUNDLE + ArtifactManifest.OBJECT,
        inserted.get(inserted.size() - 1),
        "the manifest last, so a half upload is no artifact: " + inserted);
    Path exported = job.pipelineRoot("job-1").resolve("export/model");
    String sha256 = TreeHash.of(exported).sha256();
    // the bucket's lifecycle rule deletes pipeline-root/ objects; the champion does not need them
    Directories.deleteRecursively(job.pipelineRoot("job-1"));

    Path champion =
        job.champions()
            .download("movielens-mf", ModelRegistry.CHAMPION, dir.resolve("download"))
            .orElseThrow();
    assertEquals(sha256, TreeHash.of(champion).sha256(), "the bundle job-1 exported");

    Path root = job.pipelineRoot("job-2");
    step("ingest", Map.of(), "dataset", Map.of("source", "preset:ml-100k", "eval_fraction", "0.1"));
    step("tune", Map.of("dataset", "ingest/dataset"), "tuning", Map.of());
    step(
        "train",
        Map.of("dataset", "ingest/dataset", "tuning", "tune/tuning"),
        "model",
        Map.of("method", "als", "num_factors", "8", "max_iterations", "3", "early_stop", "false"));
    step(
        "evaluate",
        Map.of("dataset", "ingest/dataset", "model", "train/model"),
        "metrics",
        Map.of());
    MetricsReport report =
        MetricsReport.fromJson(
            StepFiles.readJson(
                "test", root.resolve("evaluate/metrics").resolve(MetricsReport.FILE)));
    assertTrue(report.champion().isPresent(), "evaluate scored the champion too");
    assertEquals(report.candidate().rows(), report.champion().get().rows(), "on the same rows");

    step(
        "gate",
        Map.of("metrics", "evaluate/metrics", "dataset", "ingest/dataset", "model", "train/model"),
        "decision",
        Map.of());
    JsonNode decision = Json.parse(Files.readString(root.resolve("gate/decision/decision.json")));
    assertFalse(decision.path("first_run").asBoolean(true), "judged against the champion");
  }

  @Test
  void aRetriedRegisterTaskFinishesTheUploadAndRegistersTheVersionOnce() throws Exception {
    ContainerRun run = job.containerRun(job.audit);
    Path exported = job.exportedModel("job-1");
    // a first attempt killed mid-upload: some objects, one of them cut short, and no manifest
    try (var files = Files.walk(exported)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        job.gcs.put(
            VertexJobFixture.BUCKET,
            BUNDLE + exported.relativize(file).toString().replace('\\', '/'),
            "cut".getBytes(StandardCharsets.UTF_8));
      }
    }
    assertEquals(List.of(), job.artifacts.list("job-1/"), "a half upload is no artifact");

    job.register(run, "job-1", "auto", true);
    assertEquals(List.of("job-1/export/model"), job.artifacts.list("job-1/"));
    int inserts = insertedUnder(BUNDLE).size();
    job.register(run, "job-1", "auto", true);
    job.promoteAuto(run, "job-1");

    assertEquals(inserts, insertedUnder(BUNDLE).size(), "a retry after the upload uploads nothing");
    assertEquals(1, job.vertex.requests(UploadModelRequest.class).size(), "one version per job");
    Path champion =
        job.champions()
            .download("movielens-mf", ModelRegistry.CHAMPION, dir.resolve("download"))
            .orElseThrow();
    assertEquals(TreeHash.of(exported).sha256(), TreeHash.of(champion).sha256());
  }

  /** Runs {@code step} of job-2 in a container of its own, inputs named {@code STEP/PORT}. */
  private void step(
      String step, Map<String, String> inputs, String output, Map<String, String> params)
      throws Exception {
    Path root = job.pipelineRoot("job-2");
    Map<String, Path> in = new LinkedHashMap<>();
    inputs.forEach((port, from) -> in.put(port, root.resolve(from)));
    job.containerRun(job.audit, dir.resolve("job-2-" + step))
        .run(
            step,
            "job-2",
            in,
            Map.of(output, root.resolve(step).resolve(output)),
            params,
            Map.of());
  }

  /** The names of the objects inserted under {@code prefix}, in order. */
  private List<String> insertedUnder(String prefix) {
    return job.gcs.requests().stream()
        .filter(r -> "storage.objects.insert".equals(r.id()))
        .map(GcsStub.Request::metadata)
        .map(m -> Json.parse(m).path("name").asText())
        .filter(name -> name.startsWith(prefix))
        .toList();
  }
}
