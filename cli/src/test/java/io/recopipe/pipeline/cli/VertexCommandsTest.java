package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.aiplatform.v1.CreatePipelineJobRequest;
import com.google.cloud.aiplatform.v1.PipelineJob;
import com.google.cloud.aiplatform.v1.Schedule;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recopipe compile}, {@code submit} and {@code schedule add --profile gcp}. */
class VertexCommandsTest {
  private static final String IMAGE =
      "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/"
          + "recopipe-pipeline@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private static final String GCP =
      """
      gcp:
        project: recopipe-demo
        region: europe-west1
        dataset: recopipe
        bucket: recopipe-demo-artifacts
        repository: recopipe
        service: recommender
        pipeline_service_account: pipeline@recopipe-demo.iam.gserviceaccount.com
        serving_service_account: serving@recopipe-demo.iam.gserviceaccount.com
      train:
        method: als
        num_factors: 8
      """;
  private static final String PARENT = "projects/recopipe-demo/locations/europe-west1";

  @TempDir Path dir;

  private Path gcpConfig() throws IOException {
    Path file = dir.resolve("gcp.yaml");
    Files.writeString(file, GCP);
    return file;
  }

  /** Runs {@code recopipe ARGS} and checks that it exits with {@code code}. */
  private static CliRunner.Result run(int code, String... args) {
    CliRunner.Result result = CliRunner.run(args);
    assertEquals(code, result.code(), result.err());
    return result;
  }

  /** The arguments of {@code recopipe compile --target vertex -o SPEC MORE}. */
  private static String[] compile(Path spec, String... more) {
    return concat(new String[] {"compile", "--target", "vertex", "-o", spec.toString()}, more);
  }

  /** The arguments of {@code recopipe submit} of job nightly-1 on the gcp config, then MORE. */
  private String[] submit(String... more) throws IOException {
    return concat(
        new String[] {
          "submit",
          "--profile",
          "gcp",
          "--config",
          gcpConfig().toString(),
          "--job-id",
          "nightly-1",
          "--image",
          IMAGE
        },
        more);
  }

  /** The arguments of {@code recopipe compile} of the gcp config with the test image, then MORE. */
  private String[] gcpCompile(Path spec, String... more) throws IOException {
    return compile(
        spec, concat(new String[] {"--config", gcpConfig().toString(), "--image", IMAGE}, more));
  }

  private static String[] concat(String[] head, String... tail) {
    return java.util.stream.Stream.concat(
            java.util.Arrays.stream(head), java.util.Arrays.stream(tail))
        .toArray(String[]::new);
  }

  @Test
  void compileWritesTheGoldenSpecForTheShippedConfig() throws IOException {
    Path spec = dir.resolve("out").resolve("spec.json");
    CliRunner.Result result = run(ExitCodes.OK, compile(spec, "--image", IMAGE));
    // the runtime's golden spec, from its test jar
    try (java.io.InputStream golden =
        VertexCommandsTest.class.getResourceAsStream(
            "/io/recopipe/pipeline/kfp/movielens-mf.pipeline.json")) {
      assertEquals(
          new String(golden.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
          Files.readString(spec));
    }
    int parameters =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(spec.toFile())
            .path("root")
            .path("inputDefinitions")
            .path("parameters")
            .size();
    assertEquals(
        "wrote " + spec + " (" + parameters + " parameters, image " + IMAGE + ")",
        result.out().strip());
    try (var files = Files.list(spec.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void compileWithGcpSectionDefaultsToTheLastPushedDigestAndThePipelineRoot() throws IOException {
    Path home = dir.resolve("home");
    Path spec = dir.resolve("spec.json");
    CliRunner.Result none =
        run(
            ExitCodes.BAD_INPUT,
            compile(spec, "--config", gcpConfig().toString(), "--home", home.toString()));
    assertEquals(
        "recopipe: error: no pipeline image pushed to europe-west1-docker.pkg.dev/"
            + "recopipe-demo/recopipe/recopipe-pipeline from home "
            + home
            + ": run recopipe image "
            + "push --profile gcp first, or pass --image europe-west1-docker.pkg.dev/recopipe-demo/"
            + "recopipe/recopipe-pipeline@sha256:…",
        none.err().strip());
    String older = IMAGE.replace("0123", "4567");
    io.recopipe.pipeline.kfp.VertexImages.recordPushed(home, older);
    io.recopipe.pipeline.kfp.VertexImages.recordPushed(
        home, "example/other@sha256:" + "f".repeat(64));
    io.recopipe.pipeline.kfp.VertexImages.recordPushed(home, IMAGE);
    io.recopipe.pipeline.kfp.VertexImages.recordPushed(
        home, "example/other@sha256:" + "e".repeat(64));
    CliRunner.Result result =
        run(
            ExitCodes.OK,
            compile(
                spec,
                "--config",
                gcpConfig().toString(),
                "--set",
                "train.seed=7",
                "--home",
                home.toString()));
    var json = new ObjectMapper().readTree(spec.toFile());
    assertEquals(
        "gs://recopipe-demo-artifacts/pipeline-root", json.path("defaultPipelineRoot").asText());
    assertEquals(
        IMAGE,
        json.path("deploymentSpec")
            .path("executors")
            .path("exec-train")
            .path("container")
            .path("image")
            .asText(),
        "the repository's last push, by digest");
    assertEquals(
        7.0,
        json.path("root")
            .path("inputDefinitions")
            .path("parameters")
            .path("train__seed")
            .path("defaultValue")
            .doubleValue(),
        "a NUMBER_INTEGER's default, written as KFP's compiler writes it");
  }

  @Test
  void compileRefusesABadTaskResourceNamingTheKey() {
    CliRunner.Result result =
        run(
            ExitCodes.BAD_INPUT,
            compile(
                dir.resolve("s.json"),
                "--image",
                IMAGE,
                "--set",
                "resources.train.cpu_limit=4x",
                "--set",
                "resources.gpu=1"));
    assertEquals(1, result.err().strip().lines().count(), result.err());
    assertTrue(
        result.err().contains("resources.train.cpu_limit: '4x' is not a CPU count"), result.err());
    assertTrue(result.err().contains("resources.gpu: unknown key"), result.err());
    assertFalse(Files.exists(dir.resolve("s.json")));
  }

  @Test
  void compileRefusesOtherTargetsAndAMissingImage() {
    CliRunner.Result target =
        run(
            ExitCodes.BAD_INPUT,
            "compile",
            "--target",
            "argo",
            "-o",
            dir.resolve("s.json").toString(),
            "--image",
            IMAGE);
    assertEquals("recopipe: error: --target argo: only vertex is supported", target.err().strip());
    CliRunner.Result image = run(ExitCodes.BAD_INPUT, compile(dir.resolve("s.json")));
    assertTrue(image.err().contains("pass --image REPOSITORY@sha256:"), image.err());
    CliRunner.Result tag =
        run(
            ExitCodes.BAD_INPUT,
            compile(
                dir.resolve("s.json"),
                "--image",
                "europe-west1-docker.pkg.dev/p/r/" + "recopipe-pipeline:latest"));
    assertEquals(
        "recopipe: error: --image europe-west1-docker.pkg.dev/p/r/recopipe-pipeline:"
            + "latest: pin the pipeline image by digest (REPOSITORY@sha256:<64 hex>, as recopipe "
            + "image push prints it), so the spec runs exactly that code",
        tag.err().strip());
    assertTrue(Files.notExists(dir.resolve("s.json")));
  }

  @Test
  void submitNamesEveryMissingGcpFieldBeforeAnyCall() throws IOException {
    try (LoopbackVertex vertex = new LoopbackVertex()) {
      CliRunner.Result result =
          run(
              ExitCodes.BAD_INPUT,
              "submit",
              "--profile",
              "gcp",
              "--set",
              "gcp.project=recopipe-demo",
              "--set",
              "gcp.region=europe-west1");
      String err = result.err().strip();
      assertEquals(1, err.lines().count(), err);
      for (String field :
          new String[] {
            "gcp.dataset",
            "gcp.bucket",
            "gcp.repository",
            "gcp.service",
            "gcp.pipeline_service_account",
            "gcp.serving_service_account"
          }) {
        assertTrue(err.contains(field + " (missing"), field + " in " + err);
      }
      assertTrue(vertex.jobs.isEmpty());
    }
  }

  @Test
  void submitCreatesThePipelineJob() throws Exception {
    try (LoopbackVertex vertex = new LoopbackVertex()) {
      CliRunner.Result result = run(ExitCodes.OK, submit());
      assertTrue(
          result.out().startsWith("submitted pipeline job " + PARENT + "/pipelineJobs/nightly-1\n"),
          result.out());
      assertTrue(
          result
              .out()
              .contains(
                  "https://console.cloud.google.com/vertex-ai/locations/"
                      + "europe-west1/pipelines/runs/nightly-1?project=recopipe-demo"),
          result.out());
      CreatePipelineJobRequest request = vertex.jobs.get(0);
      assertEquals(PARENT, request.getParent());
      assertEquals("nightly-1", request.getPipelineJobId());
      assertJob(request.getPipelineJob());
    }
  }

  private static void assertJob(PipelineJob job) throws Exception {
    assertEquals("movielens-mf", job.getDisplayName());
    assertEquals("pipeline@recopipe-demo.iam.gserviceaccount.com", job.getServiceAccount());
    assertEquals(
        "gs://recopipe-demo-artifacts/pipeline-root",
        job.getRuntimeConfig().getGcsOutputDirectory());
    var parameters = job.getRuntimeConfig().getParameterValuesMap();
    assertEquals(
        8.0,
        parameters.get("train__num_factors").getNumberValue(),
        "the config's, as the NUMBER_INTEGER Value the spec declares");
    assertEquals(false, parameters.get("hybrid__enabled").getBoolValue());
    assertEquals(
        com.google.protobuf.Value.KindCase.LIST_VALUE,
        parameters.get("tune__num_factors_range").getKindCase());
    assertEquals(
        "bigquery_ml",
        parameters.get("train__engine").getStringValue(),
        "the gcp profile's engine");
    assertEquals(
        io.recopipe.pipeline.config.PipelineConfig.defaults().values().get("ingest.source"),
        parameters.get("ingest__source").getStringValue(),
        "the config file is layered over the shipped config");
    assertTrue(
        parameters.keySet().stream().noneMatch(k -> k.startsWith("gcp__")),
        "gcp.* configures the job, it is no parameter: " + parameters.keySet());
    assertEquals(java.util.Map.of("recopipe-pipeline", "movielens-mf"), job.getLabelsMap());
    var spec = new ObjectMapper().readTree(JsonFormat.printer().print(job.getPipelineSpec()));
    assertEquals("2.1.0", spec.path("schemaVersion").asText());
    assertEquals(
        false,
        spec.path("components")
            .path("comp-exit-handler-1")
            .path("dag")
            .path("tasks")
            .path("train")
            .path("cachingOptions")
            .path("enableCache")
            .asBoolean(true),
        "train writes BigQuery: a cache hit would skip its writes");
    var trainContainer =
        spec.path("deploymentSpec").path("executors").path("exec-train").path("container");
    assertEquals(
        "[{\"name\":\"RECOPIPE_GCP_BUCKET\",\"value\":\"recopipe-demo-artifacts\"}]",
        new ObjectMapper()
            .writeValueAsString(
                java.util.stream.StreamSupport.stream(
                        trainContainer.path("env").spliterator(), false)
                    .filter(e -> e.path("name").asText().equals("RECOPIPE_GCP_BUCKET"))
                    .toList()),
        "each task's container carries the gcp section");
    assertEquals(
        true,
        java.util.stream.StreamSupport.stream(trainContainer.path("env").spliterator(), false)
            .anyMatch(
                e ->
                    e.path("name").asText().equals("RECOPIPE_PROFILE")
                        && e.path("value").asText().equals("gcp")));
    assertEquals(
        "inputs.parameter_values['pipelinechannel--gate-blessed'] == true",
        spec.path("components")
            .path("comp-exit-handler-1")
            .path("dag")
            .path("tasks")
            .path("condition-1")
            .path("triggerPolicy")
            .path("condition")
            .asText());
  }

  @Test
  void scheduleAddWithProfileGcpCreatesAVertexSchedule() throws Exception {
    try (LoopbackVertex vertex = new LoopbackVertex()) {
      CliRunner.Result result =
          run(
              ExitCodes.OK,
              "schedule",
              "add",
              "nightly",
              "--cron",
              "0 3 * * *",
              "--zone",
              "Europe/Berlin",
              "--profile",
              "gcp",
              "--max-concurrent",
              "1",
              "--allow-queueing",
              "--config",
              gcpConfig().toString(),
              "--image",
              IMAGE);
      assertEquals(
          "added Vertex AI schedule "
              + PARENT
              + "/schedules/7 (TZ=Europe/Berlin "
              + "0 3 * * *, at most 1 running, queueing when busy)",
          result.out().strip());
      Schedule schedule = vertex.schedules.get(0).getSchedule();
      assertEquals(PARENT, vertex.schedules.get(0).getParent());
      assertEquals("nightly", schedule.getDisplayName());
      assertEquals("TZ=Europe/Berlin 0 3 * * *", schedule.getCron());
      assertEquals(1, schedule.getMaxConcurrentRunCount());
      assertTrue(schedule.getAllowQueueing());
      assertEquals(PARENT, schedule.getCreatePipelineJobRequest().getParent());
      assertJob(schedule.getCreatePipelineJobRequest().getPipelineJob());
    }
  }

  @Test
  void scheduleAddKeepsGcpOptionsOutOfTheLocalProfile() {
    CliRunner.Result result =
        run(
            ExitCodes.BAD_INPUT,
            "schedule",
            "add",
            "nightly",
            "--cron",
            "0 3 * * *",
            "--allow-queueing",
            "--home",
            dir.resolve("home").toString());
    assertEquals(
        "recopipe: error: --max-concurrent, --allow-queueing and --image apply to "
            + "--profile gcp",
        result.err().strip());
  }

  @Test
  void theGcpProfileStartsFromAlsInPlaceOfTheShippedAuto() throws IOException {
    Path config = dir.resolve("gcp-only.yaml");
    Files.writeString(config, GCP.substring(0, GCP.indexOf("train:")));
    Path spec = dir.resolve("spec.json");
    run(ExitCodes.OK, compile(spec, "--config", config.toString(), "--image", IMAGE));
    var parameters =
        new ObjectMapper()
            .readTree(spec.toFile())
            .path("root")
            .path("inputDefinitions")
            .path("parameters");
    assertEquals("als", parameters.path("train__method").path("defaultValue").asText());
    assertEquals("bigquery_ml", parameters.path("train__engine").path("defaultValue").asText());
  }

  @Test
  void compileAndSubmitRefuseOptionsBigQueryMlCannotRunListingEach() throws IOException {
    String[] bad = {
      "--set",
      "train.method=gibbs",
      "--set",
      "train.l2_reg=2.0",
      "--set",
      "train.intercept_l2_reg=1.0"
    };
    Path spec = dir.resolve("spec.json");
    CliRunner.Result compiled = run(ExitCodes.BAD_INPUT, gcpCompile(spec, bad));
    assertRefusal(compiled.err());
    assertTrue(Files.notExists(spec), "no spec is written");
    try (LoopbackVertex vertex = new LoopbackVertex()) {
      CliRunner.Result submitted = run(ExitCodes.BAD_INPUT, submit(bad));
      assertRefusal(submitted.err());
      assertTrue(vertex.jobs.isEmpty(), "no job is created");
    }
  }

  @Test
  void compileAndSubmitReportTheConfigsAndTheEnginesProblemsTogether() throws IOException {
    String[] bad = {
      "--set",
      "resources.cpu_limit=abc",
      "--set",
      "train.method=gibbs",
      "--set",
      "train.intercept_l2_reg=0.5"
    };
    Path spec = dir.resolve("spec.json");
    CliRunner.Result compiled = run(ExitCodes.BAD_INPUT, gcpCompile(spec, bad));
    try (LoopbackVertex vertex = new LoopbackVertex()) {
      CliRunner.Result submitted = run(ExitCodes.BAD_INPUT, submit(bad));
      assertTrue(vertex.jobs.isEmpty(), "no job is created");
      for (String err : List.of(compiled.err(), submitted.err())) {
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("resources.cpu_limit"), err);
        assertTrue(err.contains("train.method gibbs (BigQuery ML fits ALS only"), err);
        assertTrue(err.contains("train.intercept_l2_reg 0.5 (BigQuery ML has one l2_reg"), err);
      }
    }
    assertTrue(Files.notExists(spec), "no spec is written");
  }

  @Test
  void anImplicitThresholdIsRefusedAndTheLocalSolverOptionsAreNot() throws IOException {
    Path spec = dir.resolve("spec.json");
    CliRunner.Result refused =
        run(
            ExitCodes.BAD_INPUT,
            gcpCompile(
                spec,
                "--set",
                "train.feedback_type=IMPLICIT",
                "--set",
                "train.positive_threshold=4",
                "--set",
                "train.implicit_solver=cholesky"));
    assertEquals(1, refused.err().strip().lines().count(), "only the threshold: " + refused.err());
    assertTrue(
        refused
            .err()
            .contains(
                "train.positive_threshold 4.0 (BigQuery ML trains on every rating and has no"
                    + " threshold; remove train.positive_threshold, or leave the ratings below it"
                    + " out of the data)"),
        refused.err());
    assertFalse(refused.err().contains("implicit_solver"), refused.err());
    run(
        ExitCodes.OK,
        gcpCompile(
            spec,
            "--set",
            "train.feedback_type=IMPLICIT",
            "--set",
            "train.implicit_solver=cg",
            "--set",
            "train.cg_steps=5"));
  }

  private static void assertRefusal(String err) {
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(
        err.contains(
            "train.method gibbs (BigQuery ML fits ALS only; remove train.method "
                + "or set it to als)"),
        err);
    assertTrue(
        err.contains(
            "train.intercept_l2_reg 1.0 (BigQuery ML has one l2_reg; remove "
                + "train.intercept_l2_reg)"),
        err);
  }
}
