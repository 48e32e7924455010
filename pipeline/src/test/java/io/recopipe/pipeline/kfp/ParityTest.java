package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.config.StepParameterView;
import io.recopipe.pipeline.dsl.OutputRef;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.dsl.Step;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The definition the local runner executes and the spec Vertex executes agree: the same steps, the
 * same artifact wiring, the same parameters per step and the same gate deciding deploy.
 */
class ParityTest {
  private final Pipeline pipeline = MovieLensMfPipeline.definition();
  private final Map<String, String> config = PipelineConfig.defaults().values();
  private final ObjectNode spec =
      new KfpCompiler(KfpOptions.of(KfpCompilerTest.IMAGE)).compile(pipeline, config);

  /** Every step task in the spec, root DAG or condition sub-DAG, by name. */
  private Map<String, JsonNode> stepTasks() {
    return SpecTasks.steps(spec);
  }

  @Test
  void sameStepsRunTheSameComponents() {
    assertEquals(
        Set.of(
            "ingest", "tune", "train", "hybrid", "evaluate", "gate", "export", "package", "deploy"),
        stepTasks().keySet());
    Set<String> local = new HashSet<>(pipeline.executionOrder().stream().map(Step::name).toList());
    assertEquals(local, stepTasks().keySet());
    stepTasks()
        .forEach(
            (name, task) ->
                assertEquals("comp-" + name, task.path("componentRef").path("name").asText()));
  }

  @Test
  void everyInputComesFromTheSameProducerOutput() {
    // a channel names its producer's output, whichever condition task passes it on
    Map<String, String> inputChannels = new HashMap<>();
    SpecTasks.all(spec).entrySet().stream()
        .filter(t -> t.getKey().startsWith("condition-"))
        .forEach(
            t ->
                t.getValue().path("inputs").path("artifacts").properties().stream()
                    .filter(e -> e.getValue().has("taskOutputArtifact"))
                    .forEach(
                        e ->
                            inputChannels.put(
                                e.getKey(),
                                e.getValue()
                                        .path("taskOutputArtifact")
                                        .path("producerTask")
                                        .asText()
                                    + "."
                                    + e.getValue()
                                        .path("taskOutputArtifact")
                                        .path("outputArtifactKey")
                                        .asText())));
    for (Step step : pipeline.executionOrder()) {
      JsonNode artifacts = stepTasks().get(step.name()).path("inputs").path("artifacts");
      Map<String, String> compiled = new TreeMap<>();
      artifacts
          .properties()
          .forEach(
              e -> {
                JsonNode direct = e.getValue().path("taskOutputArtifact");
                compiled.put(
                    e.getKey(),
                    direct.isMissingNode()
                        ? inputChannels.get(e.getValue().path("componentInputArtifact").asText())
                        : direct.path("producerTask").asText()
                            + "."
                            + direct.path("outputArtifactKey").asText());
              });
      Map<String, String> local = new TreeMap<>();
      step.inputs().forEach((port, ref) -> local.put(port, ref.toString()));
      assertEquals(local, compiled, "inputs of " + step.name());
    }
  }

  @Test
  void executionOrderIsATopologicalOrderOfTheSpec() {
    List<String> order = pipeline.executionOrder().stream().map(Step::name).toList();
    stepTasks()
        .forEach(
            (name, task) ->
                task.path("dependentTasks")
                    .forEach(
                        d ->
                            assertEquals(
                                true,
                                order.indexOf(d.asText()) < order.indexOf(name),
                                d.asText() + " runs before " + name)));
  }

  @Test
  void eachStepGetsTheParametersTheLocalRunnerGivesIt() {
    for (Step step : pipeline.executionOrder()) {
      Map<String, String> local = StepParameterView.of(step.name(), config);
      Map<String, String> compiled = new TreeMap<>();
      JsonNode defaults = spec.path("root").path("inputDefinitions").path("parameters");
      stepTasks()
          .get(step.name())
          .path("inputs")
          .path("parameters")
          .properties()
          .forEach(
              e -> {
                if (e.getKey().equals(Channels.JOB_NAME)) {
                  // the run id, resolved by KFP's driver (the local runner passes its own)
                  assertEquals(
                      Channels.JOB_NAME_PLACEHOLDER,
                      e.getValue().path("runtimeValue").path("constant").asText());
                  return;
                }
                String channel = e.getValue().path("componentInputParameter").asText();
                String root = channel.replace("pipelinechannel--", "");
                String type = defaults.path(root).path("parameterType").asText();
                String value = ParameterTypes.valueText(defaults.path(root).path("defaultValue"));
                if (!type.equals(ParameterTypes.STRING)) {
                  // what KFP's launcher renders, read back as the container reads it
                  value = ParameterTypes.configText(step.name(), e.getKey(), launcherText(value));
                }
                String given = local.get(e.getKey());
                if (type.equals(ParameterTypes.DOUBLE)
                    && given != null
                    && Double.parseDouble(given) == Double.parseDouble(value)) {
                  value = given; // 10.0 arrives as 10: the same number to the component
                }
                compiled.put(e.getKey(), value);
              });
      assertEquals(local, compiled, "parameters of " + step.name());
    }
  }

  @Test
  void theDeployConditionIsTheLocalConditionsGate() {
    OutputRef source = pipeline.step("export").orElseThrow().condition().orElseThrow().source();
    JsonNode condition = SpecTasks.all(spec).get("condition-1");
    JsonNode blessed =
        condition
            .path("inputs")
            .path("parameters")
            .path("pipelinechannel--gate-blessed")
            .path("taskOutputParameter");
    assertEquals(source.step(), blessed.path("producerTask").asText());
    assertEquals(source.step(), pipeline.step(source.step()).orElseThrow().name());
    // the local runner registers at its commit point, a job in the register tasks it adds; deploy
    // sits in the nested review_required branch of condition-1
    assertEquals(locallySkippable(source), SpecTasks.stepsUnder(spec, "comp-condition-1"));
  }

  /** Steps the local runner skips when {@code source} does not bless: conditioned or downstream. */
  private Set<String> locallySkippable(OutputRef source) {
    Set<String> skipped = new HashSet<>();
    for (Step step : pipeline.executionOrder()) {
      boolean own = step.condition().map(c -> c.source().equals(source)).orElse(false);
      if (own || step.inputs().values().stream().anyMatch(r -> skipped.contains(r.step()))) {
        skipped.add(step.name());
      }
    }
    return skipped;
  }

  /**
   * The text KFP's launcher substitutes for a typed value given as JSON: numbers as Go's {@code
   * strconv.FormatFloat(v, 'f', -1, 64)} writes them, booleans as they are, lists as protojson
   * writes them (kubeflow/pipelines@7b70c7b95f6832772efd6fd0029a4024491a0f44
   * backend/src/v2/component/launcher_v2.go getPlaceholders).
   */
  static String launcherText(String json) {
    JsonNode value = io.recopipe.model.io.Json.parse(json);
    if (value.isNumber()) {
      return number(value);
    }
    if (value.isArray()) {
      List<String> items = new java.util.ArrayList<>();
      value.forEach(item -> items.add(item.isNumber() ? number(item) : item.toString()));
      return "[" + String.join(",", items) + "]";
    }
    return value.asText();
  }

  private static String number(JsonNode value) {
    return value.decimalValue().stripTrailingZeros().toPlainString();
  }
}
