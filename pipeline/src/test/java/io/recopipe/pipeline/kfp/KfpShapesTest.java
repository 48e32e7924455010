package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compiled spec against the shapes KFP's own compiler writes, each test citing the golden file
 * of kubeflow/pipelines at commit 7b70c7b95f6832772efd6fd0029a4024491a0f44 under {@code
 * test_data/sdk_compiled_pipelines/valid/} it follows.
 */
class KfpShapesTest {
  private final ObjectNode spec = KfpCompilerTest.shippedSpec();

  private static JsonNode json(String text) {
    return Json.parse(text.replace('\'', '"'));
  }

  private JsonNode rootParameter(String name) {
    return spec.path("root").path("inputDefinitions").path("parameters").path(name);
  }

  /**
   * Root parameters are typed with typed defaults: critical/pipeline_with_retry.yaml:74-77 ({@code
   * a: {defaultValue: 1.0, isOptional: true, parameterType: NUMBER_DOUBLE}}),
   * artifacts_complex.yaml:482-484 (an integer's default written as {@code 2.0}),
   * if_elif_else_complex.yaml:1102-1117 (BOOLEAN {@code true}, LIST {@code [1.0, 2.0, 3.0]}).
   */
  @Test
  void rootParametersAreTypedWithTypedDefaults() {
    assertEquals(
        json("{'defaultValue':42.0,'isOptional':true,'parameterType':'NUMBER_INTEGER'}"),
        rootParameter("ingest__seed"));
    assertEquals(
        json("{'defaultValue':0.1,'isOptional':true,'parameterType':'NUMBER_DOUBLE'}"),
        rootParameter("ingest__eval_fraction"));
    assertEquals(
        json("{'defaultValue':false,'isOptional':true,'parameterType':'BOOLEAN'}"),
        rootParameter("hybrid__enabled"));
    assertEquals(
        json("{'defaultValue':[2.0,64.0],'isOptional':true,'parameterType':'LIST'}"),
        rootParameter("tune__num_factors_range"));
    assertEquals(
        json("{'defaultValue':'auto','isOptional':true,'parameterType':'STRING'}"),
        rootParameter("train__method"));
    assertEquals(
        json("{'defaultValue':10.0,'isOptional':true,'parameterType':'NUMBER_DOUBLE'}"),
        rootParameter("hybrid__l2_reg"),
        "a double written 10.0 in the config stays a double");
  }

  /** Component inputs and the channels into sub-DAGs carry their root parameter's type. */
  @Test
  void componentInputsAndChannelsCarryTheSameTypes() {
    spec.path("root").path("inputDefinitions").path("parameters").properties().stream()
        .filter(e -> !e.getKey().equals(JobVersions.SUBMITTED_BY)) // read by the exit task only
        .forEach(
            e -> {
              String type = e.getValue().path("parameterType").asText();
              assertEquals(
                  type,
                  spec.path("components")
                      .path(ExitHandler.componentName())
                      .path("inputDefinitions")
                      .path("parameters")
                      .path(Channels.rootParameter(e.getKey()))
                      .path("parameterType")
                      .asText(),
                  e.getKey());
            });
    JsonNode seed =
        spec.path("components").path("comp-ingest").path("inputDefinitions").path("parameters");
    assertEquals("NUMBER_INTEGER", seed.path("seed").path("parameterType").asText());
    assertEquals(
        "NUMBER_INTEGER",
        spec.path("components")
            .path("comp-condition-1")
            .path("inputDefinitions")
            .path("parameters")
            .path("pipelinechannel--export__top_n")
            .path("parameterType")
            .asText());
  }

  /**
   * What KFP's launcher renders for each typed default (numbers {@code 42}, {@code 0.1}, booleans,
   * lists as JSON) reads back in the container as the config's text, for every shipped parameter.
   */
  @Test
  void theLaunchersRenderingReadsBackAsTheConfigText() {
    Map<String, String> config = PipelineConfig.defaults().values();
    for (String step : List.of("ingest", "tune", "train", "hybrid", "gate", "export", "deploy")) {
      ParameterNames.ofStep(step, config)
          .forEach(
              (name, key) -> {
                JsonNode parameter = rootParameter(ParameterNames.rootName(key));
                String text = ParameterTypes.valueText(parameter.path("defaultValue"));
                boolean string =
                    parameter.path("parameterType").asText().equals(ParameterTypes.STRING);
                String rendered = string ? text : ParityTest.launcherText(text);
                String read = ParameterTypes.configText(step, name, rendered);
                if (parameter.path("parameterType").asText().equals(ParameterTypes.DOUBLE)) {
                  // a double written 10.0 arrives as 10: the same number
                  assertEquals(Double.parseDouble(config.get(key)), Double.parseDouble(read), key);
                } else {
                  assertEquals(config.get(key), read, key + " rendered as " + rendered);
                }
              });
    }
    assertEquals("5", ParameterTypes.configText("train", "num_factors", "5.0"));
    assertEquals("auto", ParameterTypes.configText("train", "num_factors", "auto"));
    assertEquals("1.0", ParameterTypes.configText("ingest", "source", "1.0"), "a STRING as given");
  }

  /** A value that does not fit its declared type compiles as a STRING, and big integers too. */
  @Test
  void valuesOutsideTheirTypeStayStrings() {
    assertEquals("STRING", ParameterTypes.of("train.num_factors", "auto").type());
    assertEquals("NUMBER_INTEGER", ParameterTypes.of("train.num_factors", "8").type());
    assertEquals("NUMBER_DOUBLE", ParameterTypes.of("train.l2_reg", "1").type());
    assertEquals("STRING", ParameterTypes.of("ingest.checksum", "123456789012345678901").type());
    assertEquals("STRING", ParameterTypes.of("ingest.source", "007").type());
    assertEquals("BOOLEAN", ParameterTypes.of("export.exclude_rated", "TRUE").type());
  }

  /**
   * Metrics: output_metrics.yaml:7-14 ({@code outputDefinitions.artifacts.metrics.artifactType:
   * {schemaTitle: system.Metrics, schemaVersion: 0.0.1}}) and the executor input as the container's
   * argument ({@code --executor_input '{{$}}'}, :19-21), whose output file gets the values.
   */
  @Test
  void evaluateOutputsSystemMetricsAndTakesTheExecutorInput() {
    assertEquals(
        json("{'artifactType':{'schemaTitle':'system.Metrics','schemaVersion':'0.0.1'}}"),
        spec.path("components")
            .path("comp-evaluate")
            .path("outputDefinitions")
            .path("artifacts")
            .path("metrics"));
    assertEquals(
        "system.Metrics",
        spec.path("components")
            .path("comp-gate")
            .path("inputDefinitions")
            .path("artifacts")
            .path("metrics")
            .path("artifactType")
            .path("schemaTitle")
            .asText());
    List<String> args = new java.util.ArrayList<>();
    spec.path("deploymentSpec")
        .path("executors")
        .path("exec-evaluate")
        .path("container")
        .path("args")
        .forEach(a -> args.add(a.asText()));
    assertEquals(List.of("--executor-input", "{{$}}"), args.subList(args.size() - 2, args.size()));
    assertFalse(
        spec.path("deploymentSpec")
            .path("executors")
            .path("exec-train")
            .toString()
            .contains("{{$}}"),
        "steps without metrics artifacts need no executor input");
  }

  /**
   * dsl.If on a BOOLEAN pipeline parameter: if_elif_else_complex.yaml:495-503 (the condition task
   * passes {@code pipelinechannel--add_drumroll} and triggers on {@code
   * inputs.parameter_values['pipelinechannel--add_drumroll'] == true}) and :149-150 (the sub-DAG
   * declares the channel BOOLEAN).
   */
  @Test
  void hybridRunsOnlyWhenItsFlagIsTrue() {
    JsonNode handler = SpecTasks.dag(spec, ExitHandler.componentName());
    assertFalse(handler.has("hybrid"), "hybrid is not in the main DAG");
    JsonNode condition = handler.path("condition-2");
    assertEquals(
        "inputs.parameter_values['pipelinechannel--hybrid__enabled'] == true",
        condition.path("triggerPolicy").path("condition").asText());
    assertEquals(
        json("{'componentInputParameter':'pipelinechannel--hybrid__enabled'}"),
        condition.path("inputs").path("parameters").path("pipelinechannel--hybrid__enabled"));
    assertEquals(json("['ingest','train']"), condition.path("dependentTasks"));
    assertEquals(
        json("{'parameterType':'BOOLEAN'}"),
        spec.path("components")
            .path("comp-condition-2")
            .path("inputDefinitions")
            .path("parameters")
            .path("pipelinechannel--hybrid__enabled"));
    assertEquals(
        List.of("hybrid"), KfpCompilerTest.fieldNames(SpecTasks.dag(spec, "comp-condition-2")));
    assertEquals(List.of(), SpecValidator.problems(spec));
  }

  /**
   * set_cpu_limit/set_memory_limit: local_execution/local_execution_pipeline_with_k8s_only_methods
   * .yaml:48-57 ({@code cpuLimit: 1.0, memoryLimit: 0.268435456, resourceCpuLimit: 1000m,
   * resourceMemoryLimit: 256Mi} for {@code '1000m'} and {@code '256Mi'}).
   */
  @Test
  void taskResourcesComeFromTheConfigAsKfpWritesThem() {
    Map<String, String> params = new LinkedHashMap<>(PipelineConfig.defaults().values());
    params.put("resources.train.cpu_limit", "1000m");
    params.put("resources.train.memory_limit", "256Mi");
    params.put("resources.memory_limit", "4G");
    ObjectNode custom =
        new KfpCompiler(KfpOptions.of(KfpCompilerTest.IMAGE))
            .compile(MovieLensMfPipeline.definition(), params);
    assertEquals(
        json(
            "{'cpuLimit':1.0,'memoryLimit':0.268435456,'resourceCpuLimit':'1000m',"
                + "'resourceMemoryLimit':'256Mi'}"),
        resources(custom, "exec-train"));
    assertEquals(
        json(
            "{'cpuLimit':2.0,'memoryLimit':4.0,'resourceCpuLimit':'2','resourceMemoryLimit':'4G'}"),
        resources(custom, "exec-ingest"));
    assertEquals(
        json(
            "{'cpuLimit':4.0,'memoryLimit':16.0,'resourceCpuLimit':'4','resourceMemoryLimit':'16G'}"),
        resources(spec, "exec-train"),
        "training gets more by default");
    assertEquals(
        json(
            "{'cpuLimit':2.0,'memoryLimit':8.0,'resourceCpuLimit':'2','resourceMemoryLimit':'8G'}"),
        resources(spec, "exec-" + ExitHandler.COMMIT));
    assertFalse(rootParameter("resources__train__cpu_limit").isObject(), "no parameter");
  }

  private static JsonNode resources(JsonNode spec, String executor) {
    return spec.path("deploymentSpec")
        .path("executors")
        .path(executor)
        .path("container")
        .path("resources");
  }

  /**
   * dsl.ExitHandler with a PipelineTaskFinalStatus exit task: pipeline_with_task_final_status.yaml
   * (root tasks {@code exit-handler-1}, passing {@code pipelinechannel--message} at :155-161, and
   * the exit task at :164-181 with {@code dependentTasks: [exit-handler-1]}, {@code status:
   * {taskFinalStatus: {producerTask: exit-handler-1}}} and {@code triggerPolicy: {strategy:
   * ALL_UPSTREAM_TASKS_COMPLETED}}; its component declares {@code status: {isOptional: true,
   * parameterType: TASK_FINAL_STATUS}} at :40-42); pipeline_with_placeholders.yaml for the uncached
   * {@code cachingOptions: {}}.
   */
  @Test
  void everyStepRunsInsideAnExitHandlerWhoseExitTaskCommits() {
    JsonNode root = SpecTasks.dag(spec, "root");
    assertEquals(
        List.of(ExitHandler.COMMIT, ExitHandler.HANDLER), KfpCompilerTest.fieldNames(root));
    JsonNode commit = root.path(ExitHandler.COMMIT);
    assertEquals(json("['exit-handler-1']"), commit.path("dependentTasks"));
    assertEquals(
        json("{'taskFinalStatus':{'producerTask':'exit-handler-1'}}"),
        commit.path("inputs").path("parameters").path("status"));
    assertEquals(json("{'strategy':'ALL_UPSTREAM_TASKS_COMPLETED'}"), commit.path("triggerPolicy"));
    assertEquals(json("{}"), commit.path("cachingOptions"), "the commit is never cached");
    assertEquals(
        json("{'isOptional':true,'parameterType':'TASK_FINAL_STATUS'}"),
        spec.path("components")
            .path("comp-commit")
            .path("inputDefinitions")
            .path("parameters")
            .path("status"));
    JsonNode handler = root.path(ExitHandler.HANDLER);
    assertEquals("comp-exit-handler-1", handler.path("componentRef").path("name").asText());
    assertEquals(
        json("{'componentInputParameter':'ingest__seed'}"),
        handler.path("inputs").path("parameters").path("pipelinechannel--ingest__seed"));
    assertEquals(
        rootParameter("ingest__seed").path("parameterType").asText(),
        spec.path("components")
            .path("comp-exit-handler-1")
            .path("inputDefinitions")
            .path("parameters")
            .path("pipelinechannel--ingest__seed")
            .path("parameterType")
            .asText());
    assertEquals(
        json("{'componentInputParameter':'pipelinechannel--ingest__seed'}"),
        SpecTasks.all(spec).get("ingest").path("inputs").path("parameters").path("seed"));
    List<String> args = new java.util.ArrayList<>();
    spec.path("deploymentSpec")
        .path("executors")
        .path("exec-commit")
        .path("container")
        .path("args")
        .forEach(a -> args.add(a.asText()));
    assertEquals(
        List.of(
            "component",
            "--commit",
            "--run-id",
            "{{$.inputs.parameters['pipeline_job_name']}}",
            "--param",
            "promotion.expires_after={{$.inputs.parameters['promotion__expires_after']}}",
            "--param",
            "promotion.policy={{$.inputs.parameters['promotion__policy']}}",
            "--param",
            "submitted_by={{$.inputs.parameters['submitted_by']}}",
            "--executor-input",
            "{{$}}"),
        args);
    assertTrue(SpecTasks.steps(spec).keySet().containsAll(List.of("ingest", "deploy", "hybrid")));
  }

  /**
   * An exit task reading a pipeline parameter: pipeline_with_task_final_status.yaml (the exit task
   * {@code exit-op} takes {@code user_input: {componentInputParameter: message}} straight from the
   * root parameters beside its {@code status}, and {@code comp-exit-op} declares {@code user_input:
   * {parameterType: STRING}}): the commit reads the promotion policy that way.
   */
  @Test
  void theExitTaskReadsThePromotionPolicyFromTheRootParameters() {
    JsonNode commit = SpecTasks.dag(spec, "root").path(ExitHandler.COMMIT);
    assertEquals(
        json("{'componentInputParameter':'promotion__policy'}"),
        commit.path("inputs").path("parameters").path("promotion__policy"));
    assertEquals(
        json("{'parameterType':'STRING'}"),
        spec.path("components")
            .path("comp-commit")
            .path("inputDefinitions")
            .path("parameters")
            .path("promotion__policy"));
    assertEquals(
        json("{'defaultValue':'auto','isOptional':true,'parameterType':'STRING'}"),
        rootParameter("promotion__policy"));
    assertEquals(
        json("{'defaultValue':'PT72H','isOptional':true,'parameterType':'STRING'}"),
        rootParameter("promotion__expires_after"));
  }
}
