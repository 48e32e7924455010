package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped pipeline's compiled spec against the golden file. After an intended change,
 * regenerate it with {@code -Drecopipe.golden.update=true} and review the diff.
 */
class KfpCompilerTest {
  static final String IMAGE =
      "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/"
          + "recopipe-pipeline@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private static final Path GOLDEN =
      Path.of("src/test/resources/io/recopipe/pipeline/kfp/" + "movielens-mf.pipeline.json");

  static ObjectNode shippedSpec() {
    return new KfpCompiler(KfpOptions.of(IMAGE))
        .compile(MovieLensMfPipeline.definition(), PipelineConfig.defaults().values());
  }

  @Test
  void shippedPipelineMatchesTheGoldenFile() throws IOException {
    String json = VertexSpec.toJson(shippedSpec());
    if (Boolean.getBoolean("recopipe.golden.update")) {
      Files.writeString(GOLDEN, json, StandardCharsets.UTF_8);
    }
    assertEquals(
        Files.readString(GOLDEN, StandardCharsets.UTF_8),
        json,
        "compiled spec differs from "
            + GOLDEN
            + " (regenerate with -Drecopipe.golden.update=true)");
  }

  @Test
  void shippedSpecIsStructurallyValidWithDeployUnderTheGate() {
    ObjectNode spec = shippedSpec();
    assertEquals(List.of(), SpecValidator.problems(spec));
    assertEquals(List.of(), SpecValidator.problems(spec, "deploy", "gate"));
    assertEquals("2.1.0", spec.path("schemaVersion").asText());
  }

  @Test
  void compilingTwiceGivesTheSameBytes() {
    assertEquals(VertexSpec.toJson(shippedSpec()), VertexSpec.toJson(shippedSpec()));
  }

  @Test
  void gateExecutorWritesBlessedToTheFileKfpNames() {
    JsonNode args =
        shippedSpec()
            .path("deploymentSpec")
            .path("executors")
            .path("exec-gate")
            .path("container")
            .path("args");
    List<String> list = new java.util.ArrayList<>();
    args.forEach(a -> list.add(a.asText()));
    assertEquals(
        List.of(
            "component",
            "gate",
            "--input",
            "metrics={{$.inputs.artifacts['metrics'].path}}",
            "--input",
            "dataset={{$.inputs.artifacts['dataset'].path}}",
            "--input",
            "model={{$.inputs.artifacts['model'].path}}",
            "--output",
            "decision={{$.outputs.artifacts['decision'].path}}",
            "--param",
            "max_rating_histogram_distance="
                + "{{$.inputs.parameters['max_rating_histogram_distance']}}",
            "--param",
            "max_regression_abs={{$.inputs.parameters['max_regression_abs']}}",
            "--param",
            "max_regression_rel={{$.inputs.parameters['max_regression_rel']}}",
            "--param",
            "max_row_count_change={{$.inputs.parameters['max_row_count_change']}}",
            "--param",
            "max_unknown_eval_items={{$.inputs.parameters['max_unknown_eval_items']}}",
            "--param",
            "max_unknown_eval_users={{$.inputs.parameters['max_unknown_eval_users']}}",
            "--param",
            "r2_min={{$.inputs.parameters['r2_min']}}",
            "--output-parameter",
            "blessed={{$.outputs.parameters['blessed'].output_file}}",
            "--output-parameter",
            "review_required={{$.outputs.parameters['review_required'].output_file}}"),
        list);
  }

  /**
   * The job name reaches each container as KFP's compiler passes {@code
   * dsl.PIPELINE_JOB_NAME_PLACEHOLDER}: a STRING input of the component, set on the task as {@code
   * runtimeValue.constant: '{{$.pipeline_job_name}}'}, which the driver resolves
   * (kubeflow/pipelines@7b70c7b95f6832772efd6fd0029a4024491a0f44,
   * test_data/sdk_compiled_pipelines/valid/critical/pipeline_with_placeholders.yaml lines 10-11 and
   * 71-73; api/v2alpha1/pipeline_spec.proto:327 {@code runtime_value}, :720-728 {@code
   * ValueOrRuntimeParameter.constant}); the launcher substitutes only {@code {{$.inputs...}}}
   * placeholders inside args.
   */
  /**
   * A task that is not cached takes the job name as a task input with a runtime value, as KFP's
   * compiler passes {@code dsl.PIPELINE_JOB_NAME_PLACEHOLDER}; a cached task does not take it,
   * since KFP's cache key holds every input parameter value.
   */
  @Test
  void theJobNameIsATaskInputOfExactlyTheTasksThatAreNotCached() {
    ObjectNode spec = shippedSpec();
    int executors = 0;
    List<String> runScoped = new java.util.ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : SpecTasks.all(spec).entrySet()) {
      JsonNode task = entry.getValue();
      String ref = task.path("componentRef").path("name").asText();
      JsonNode component = spec.path("components").path(ref);
      if (!component.has("executorLabel")) {
        continue;
      }
      executors++;
      boolean cached = task.path("cachingOptions").path("enableCache").asBoolean(false);
      JsonNode jobName = task.path("inputs").path("parameters").path("pipeline_job_name");
      String args =
          spec.path("deploymentSpec")
              .path("executors")
              .path(component.path("executorLabel").asText())
              .toString();
      if (cached) {
        assertTrue(jobName.isMissingNode(), ref);
        assertFalse(args.contains("pipeline_job_name"), ref);
        continue;
      }
      runScoped.add(entry.getKey());
      assertEquals(
          "{{$.pipeline_job_name}}", jobName.path("runtimeValue").path("constant").asText(), ref);
      assertEquals(
          "STRING",
          component
              .path("inputDefinitions")
              .path("parameters")
              .path("pipeline_job_name")
              .path("parameterType")
              .asText(),
          ref);
    }
    assertEquals(12, executors, "nine steps, the two register tasks and the exit task");
    assertEquals(List.of("commit", "deploy", "register", "register-2"), runScoped);
    assertFalse(
        spec.path("deploymentSpec").toString().contains("\"{{$.pipeline_job_name}}\""),
        "no executor argument is the bare placeholder");
  }

  /**
   * Two jobs of one spec give a cached task the same cache-relevant inputs, as KFP's cache key
   * ({@code cacheutils.GenerateCacheKey}, mirrored by the spec runner's {@code TaskCache}) sees
   * them: the input parameter values with runtime values resolved for the job, and the command and
   * arguments. Locally every step but deploy can hit; on the gcp profile the BigQuery-free package
   * step does.
   */
  @Test
  void cachedTasksHaveTheSameCacheKeyInputsInEveryJob() {
    ObjectNode local = shippedSpec();
    ObjectNode gcp =
        new KfpCompiler(KfpOptions.of(IMAGE).withSharedWarehouse())
            .compile(MovieLensMfPipeline.definition(), PipelineConfig.defaults().values());
    assertEquals(
        List.of("evaluate", "export", "gate", "hybrid", "ingest", "package", "train", "tune"),
        sameKeyInTwoJobs(local));
    assertEquals(List.of("package"), sameKeyInTwoJobs(gcp));
  }

  /** The cached tasks of {@code spec} whose key inputs are equal for two job names. */
  private static List<String> sameKeyInTwoJobs(ObjectNode spec) {
    List<String> same = new java.util.ArrayList<>();
    SpecTasks.all(spec)
        .forEach(
            (name, task) -> {
              JsonNode component =
                  spec.path("components").path(task.path("componentRef").path("name").asText());
              if (!component.has("executorLabel")
                  || !task.path("cachingOptions").path("enableCache").asBoolean(false)) {
                return;
              }
              JsonNode executor =
                  spec.path("deploymentSpec")
                      .path("executors")
                      .path(component.path("executorLabel").asText());
              if (keyInputs(task, executor, "movielens-mf-20261203100000")
                  .equals(keyInputs(task, executor, "movielens-mf-20261204100000"))) {
                same.add(name);
              }
            });
    return same;
  }

  private static String keyInputs(JsonNode task, JsonNode executor, String jobName) {
    return task.path("inputs")
            .path("parameters")
            .toString()
            .replace("{{$.pipeline_job_name}}", jobName)
        + executor.path("container").path("command")
        + executor.path("container").path("args");
  }

  /**
   * The command starts Java with the launcher's flags: the Vector API module, java.nio opened (what
   * the CLI jar's manifest asks for, which {@code -cp} ignores) and the parallel collector.
   */
  @Test
  void theContainerCommandHasTheLaunchersJvmFlags() {
    JsonNode command =
        shippedSpec()
            .path("deploymentSpec")
            .path("executors")
            .path("exec-train")
            .path("container")
            .path("command");
    List<String> list = new java.util.ArrayList<>();
    command.forEach(c -> list.add(c.asText()));
    assertEquals(
        List.of(
            "java",
            "--add-modules",
            "jdk.incubator.vector",
            "--add-opens",
            "java.base/java.nio=ALL-UNNAMED",
            "-XX:+UseParallelGC",
            "-cp",
            "/app/resources:/app/classes:/app/libs/*",
            "io.recopipe.pipeline.cli.Main"),
        list);
  }

  @Test
  void retryCachingAndConditionFollowTheDefinition() {
    ObjectNode spec = shippedSpec();
    JsonNode ingest = SpecTasks.all(spec).get("ingest");
    assertEquals(2, ingest.path("retryPolicy").path("maxRetryCount").asInt());
    assertEquals("2s", ingest.path("retryPolicy").path("backoffDuration").asText());
    assertEquals(2.0, ingest.path("retryPolicy").path("backoffFactor").asDouble());
    JsonNode condition = SpecTasks.all(spec).get("condition-1");
    assertEquals(
        "inputs.parameter_values['pipelinechannel--gate-blessed'] == true",
        condition.path("triggerPolicy").path("condition").asText());
    JsonNode deploy =
        spec.path("components").path("comp-condition-3").path("dag").path("tasks").path("deploy");
    assertFalse(deploy.path("cachingOptions").path("enableCache").asBoolean());
    assertTrue(
        spec.path("components")
            .path("comp-condition-1")
            .path("dag")
            .path("tasks")
            .path("export")
            .path("cachingOptions")
            .path("enableCache")
            .asBoolean());
  }

  @Test
  void stepCacheFalseInTheConfigTurnsTaskCachingOff() {
    Map<String, String> params = new LinkedHashMap<>(PipelineConfig.defaults().values());
    params.put("train.cache", "false");
    ObjectNode spec =
        new KfpCompiler(KfpOptions.of(IMAGE)).compile(MovieLensMfPipeline.definition(), params);
    JsonNode train = SpecTasks.all(spec).get("train");
    assertFalse(train.path("cachingOptions").path("enableCache").asBoolean());
    assertFalse(
        spec.path("root").path("inputDefinitions").path("parameters").has("train__cache"),
        "the runner's cache key is not a component parameter");
  }

  @Test
  void aSharedWarehouseTurnsCachingOffForEveryTaskThatWritesTables() {
    ObjectNode spec =
        new KfpCompiler(KfpOptions.of(IMAGE).withSharedWarehouse())
            .compile(MovieLensMfPipeline.definition(), PipelineConfig.defaults().values());
    Map<String, Boolean> cached = new java.util.TreeMap<>();
    SpecTasks.steps(spec)
        .forEach(
            (name, task) ->
                cached.put(name, task.path("cachingOptions").path("enableCache").asBoolean()));
    assertEquals(
        Map.of(
            "ingest",
            false,
            "tune",
            false,
            "train",
            false,
            "hybrid",
            false,
            "evaluate",
            false,
            "export",
            false,
            "gate",
            false,
            "package",
            true,
            "deploy",
            false),
        cached,
        "a cache hit would skip the task's BigQuery writes, the gate's drop or a champion read");
  }

  @Test
  void reviewPolicyLeavesDeployOutAndSaysSo() {
    Map<String, String> params = new LinkedHashMap<>(PipelineConfig.defaults().values());
    params.put("promotion.policy", "review");
    ObjectNode spec =
        new KfpCompiler(KfpOptions.of(IMAGE)).compile(MovieLensMfPipeline.definition(), params);
    assertFalse(spec.path("components").has("comp-deploy"));
    assertFalse(spec.path("deploymentSpec").path("executors").has("exec-deploy"));
    assertEquals(
        List.of("export", "package", "register"),
        fieldNames(spec.path("components").path("comp-condition-1").path("dag").path("tasks")));
    assertEquals(
        "promotion.policy is review: [deploy] left out; a reviewer's approval deploys the "
            + "registered version",
        spec.path("pipelineInfo").path("description").asText());
    assertEquals(List.of(), SpecValidator.problems(spec));
  }

  /**
   * The policy is read by the config's typed reader, as the runner reads it: its shorthand and any
   * case mean review, and a bad value is refused instead of compiling a job that deploys.
   */
  @Test
  void thePromotionPolicyIsReadAsTheRunnerReadsIt() {
    Map<String, String> upper = new LinkedHashMap<>(PipelineConfig.defaults().values());
    upper.put("promotion.policy", " REVIEW ");
    assertFalse(
        KfpCompiler.includedSteps(MovieLensMfPipeline.definition(), upper).stream()
            .anyMatch(s -> s.name().equals("deploy")));
    Map<String, String> typo = new LinkedHashMap<>(PipelineConfig.defaults().values());
    typo.put("promotion.policy", "reveiw");
    io.recopipe.pipeline.config.ConfigException refused =
        assertThrows(
            io.recopipe.pipeline.config.ConfigException.class,
            () ->
                new KfpCompiler(KfpOptions.of(IMAGE))
                    .compile(MovieLensMfPipeline.definition(), typo));
    assertTrue(refused.getMessage().contains("promotion.policy"), refused.getMessage());
  }

  @Test
  void pipelineRootAndOverridesReachTheSpec() {
    Map<String, String> params = new LinkedHashMap<>(PipelineConfig.defaults().values());
    params.put("train.num_factors", "8");
    ObjectNode spec =
        new KfpCompiler(KfpOptions.of(IMAGE).withPipelineRoot("gs://b/root"))
            .compile(MovieLensMfPipeline.definition(), params);
    assertEquals("gs://b/root", spec.path("defaultPipelineRoot").asText());
    JsonNode factors =
        spec.path("root").path("inputDefinitions").path("parameters").path("train__num_factors");
    assertEquals("NUMBER_INTEGER", factors.path("parameterType").asText());
    assertEquals(8.0, factors.path("defaultValue").doubleValue());
  }

  @Test
  void emptyImageIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> KfpOptions.of(" "));
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
