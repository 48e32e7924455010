package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Under {@code promotion: auto} the gate's {@code review_required} output splits the blessed branch
 * in two, compiled as KFP's compiler writes nested {@code dsl.If}s
 * (kubeflow/pipelines@7b70c7b95f6832772efd6fd0029a4024491a0f44
 * test_data/sdk_compiled_pipelines/valid/essential/pipeline_with_nested_conditions.yaml: the outer
 * condition declares the channels of the inner one, which reads a sibling's output as {@code
 * taskOutputParameter} and an outer value as {@code componentInputParameter}; a second task of one
 * component is {@code NAME-2}, {@code comp-NAME-2}, {@code exec-NAME-2}) and the boolean literal as
 * that compiler lower-cases it (sdk/python/kfp/compiler/pipeline_spec_builder.py
 * _single_binary_operation_to_cel_condition).
 */
class ReviewBranchesTest {
  private final ObjectNode spec = KfpCompilerTest.shippedSpec();

  private JsonNode tasks(String component) {
    return SpecTasks.dag(spec, component);
  }

  @Test
  void theGateWritesReviewRequiredAsATypedOutputParameter() {
    assertEquals(
        "BOOLEAN",
        spec.at("/components/comp-gate/outputDefinitions/parameters/review_required/parameterType")
            .asText());
    assertTrue(
        spec.at("/deploymentSpec/executors/exec-gate/container/args")
            .toString()
            .contains("review_required={{$.outputs.parameters['review_required'].output_file}}"));
  }

  @Test
  void deployRunsOnlyWhenTheGateRequiresNoReviewAndTheOtherBranchRegistersForReview() {
    assertEquals(
        List.of("condition-3", "condition-4", "export", "package"),
        KfpCompilerTest.fieldNames(tasks("comp-condition-1")));
    JsonNode noReview = tasks("comp-condition-1").path("condition-3");
    JsonNode review = tasks("comp-condition-1").path("condition-4");
    assertEquals(
        "inputs.parameter_values['pipelinechannel--gate-review_required'] == false",
        noReview.at("/triggerPolicy/condition").asText());
    assertEquals(
        "inputs.parameter_values['pipelinechannel--gate-review_required'] == true",
        review.at("/triggerPolicy/condition").asText());
    assertEquals(
        List.of("deploy", "register"), KfpCompilerTest.fieldNames(tasks("comp-condition-3")));
    assertEquals(List.of("register-2"), KfpCompilerTest.fieldNames(tasks("comp-condition-4")));
    for (JsonNode branch : List.of(noReview, review)) {
      assertEquals(
          "pipelinechannel--gate-review_required",
          branch
              .at(
                  "/inputs/parameters/pipelinechannel--gate-review_required/componentInputParameter")
              .asText(),
          "the gate is outside condition-1: its output arrives through condition-1's inputs");
      assertEquals(
          "package",
          branch
              .at(
                  "/inputs/artifacts/pipelinechannel--package-image/taskOutputArtifact/producerTask")
              .asText());
      assertEquals(
          "pipelinechannel--gate-decision",
          branch
              .at("/inputs/artifacts/pipelinechannel--gate-decision/componentInputArtifact")
              .asText());
    }
    JsonNode outer = SpecTasks.all(spec).get("condition-1");
    assertEquals(
        "gate",
        outer
            .at(
                "/inputs/parameters/pipelinechannel--gate-review_required/taskOutputParameter/producerTask")
            .asText());
    assertEquals(
        "review_required",
        outer
            .at(
                "/inputs/parameters/pipelinechannel--gate-review_required/taskOutputParameter/outputParameterKey")
            .asText());
    assertEquals(
        "BOOLEAN",
        spec.at(
                "/components/comp-condition-1/inputDefinitions/parameters/"
                    + "pipelinechannel--gate-review_required/parameterType")
            .asText());
    assertEquals(List.of(), SpecValidator.problems(spec, "deploy", "gate"));
  }

  @Test
  void theSecondRegisterTaskRunsTheRegisterStepWithoutAnEndpoint() {
    JsonNode task = tasks("comp-condition-4").path("register-2");
    assertEquals("comp-register-2", task.at("/componentRef/name").asText());
    assertEquals(
        List.of("decision", "image", "metrics", "model"),
        KfpCompilerTest.fieldNames(task.path("inputs").path("artifacts")));
    JsonNode args = spec.at("/deploymentSpec/executors/exec-register-2/container/args");
    assertEquals("component", args.path(0).asText());
    assertEquals("register", args.path(1).asText());
    assertTrue(
        args.toString().contains("promotion.policy={{$.inputs.parameters['promotion__policy']}}"));
    assertEquals("exec-register-2", spec.at("/components/comp-register-2/executorLabel").asText());
  }

  @Test
  void underReviewThereIsNoSplit() {
    Map<String, String> params = new LinkedHashMap<>(PipelineConfig.defaults().values());
    params.put("promotion.policy", "review");
    ObjectNode reviewed =
        new KfpCompiler(KfpOptions.of(KfpCompilerTest.IMAGE))
            .compile(MovieLensMfPipeline.definition(), params);
    assertFalse(reviewed.path("components").has("comp-condition-3"));
    assertFalse(reviewed.path("components").has("comp-register-2"));
    assertEquals(
        List.of("export", "package", "register"),
        KfpCompilerTest.fieldNames(SpecTasks.dag(reviewed, "comp-condition-1")));
  }

  /**
   * The register task ends the blessed branch: under auto after deploy in the branch where the gate
   * requires no review (it reads the endpoint; the exit task promotes), under review after package;
   * it takes the promotion policy as a typed parameter and is never cached.
   */
  @Test
  void theRegisterTaskEndsTheBlessedBranchWithThePolicyAsATypedParameter() {
    for (String policy : List.of("auto", "review")) {
      Map<String, String> params = new LinkedHashMap<>(PipelineConfig.defaults().values());
      params.put("promotion.policy", policy);
      ObjectNode spec =
          new KfpCompiler(KfpOptions.of(KfpCompilerTest.IMAGE))
              .compile(MovieLensMfPipeline.definition(), params);
      boolean auto = policy.equals("auto");
      // under auto in the review_required == false branch nested in the blessed one
      JsonNode condition =
          spec.path("components").path(auto ? "comp-condition-3" : "comp-condition-1");
      JsonNode register = condition.path("dag").path("tasks").path("register");
      assertEquals(
          auto ? "['deploy']" : "['export','package']",
          register.path("dependentTasks").toString().replace('"', '\''),
          policy);
      JsonNode artifacts = register.path("inputs").path("artifacts");
      assertEquals(
          auto
              ? List.of("decision", "endpoint", "image", "metrics", "model")
              : List.of("decision", "image", "metrics", "model"),
          KfpCompilerTest.fieldNames(artifacts),
          policy);
      assertEquals(
          "pipelinechannel--gate-decision",
          artifacts.path("decision").path("componentInputArtifact").asText());
      assertEquals(
          "pipelinechannel--promotion__policy",
          register
              .path("inputs")
              .path("parameters")
              .path("promotion__policy")
              .path("componentInputParameter")
              .asText());
      assertEquals(
          "STRING",
          condition
              .path("inputDefinitions")
              .path("parameters")
              .path("pipelinechannel--promotion__policy")
              .path("parameterType")
              .asText());
      assertEquals(
          policy,
          spec.at("/root/inputDefinitions/parameters/promotion__policy/defaultValue").asText());
      assertFalse(register.path("cachingOptions").path("enableCache").asBoolean(true));
      assertTrue(
          spec.at("/deploymentSpec/executors/exec-register/container/args")
              .toString()
              .contains("promotion.policy={{$.inputs.parameters['promotion__policy']}}"));
      assertEquals(List.of(), SpecValidator.problems(spec), policy);
    }
  }
}
