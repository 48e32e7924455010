package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.Port;
import io.recopipe.pipeline.dsl.OutputRef;
import io.recopipe.pipeline.dsl.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The two halves of one condition sub-DAG: the {@code condition-N} task in its enclosing DAG (the
 * exit handler's, or for a nested branch its group's), which passes every outside value in as a
 * {@code pipelinechannel--…} input and carries the trigger policy, and the {@code comp-condition-N}
 * component declaring those channels (typed as their root parameters) as its inputs. As KFP's
 * compiler writes nested conditions (kubeflow/pipelines
 * test_data/sdk_compiled_pipelines/valid/essential/pipeline_with_nested_conditions.yaml), a value
 * from a sibling task arrives as that task's output, anything else under its channel name from the
 * enclosing DAG's inputs, which therefore declare the channels of the groups nested in them.
 */
final class ConditionDag {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ConditionGroups.Group group;
  private final Set<String> siblings;
  private final Map<String, OutputRef> artifactChannels = new TreeMap<>();
  private final Map<String, Port> artifactTypes = new TreeMap<>();
  private final Map<String, OutputRef> conditionChannels = new TreeMap<>();
  private final Map<String, String> parameterChannels = new TreeMap<>();
  private final Map<String, ParameterTypes.Typed> rootParameters;

  /**
   * The sub-DAG of {@code group}, holding the groups {@code nested} in it, in a DAG whose step
   * tasks are {@code siblings}, under the run's {@code parameters}; {@code rootParameters}: root
   * parameter name → its typed default.
   */
  ConditionDag(
      ConditionGroups.Group group,
      List<ConditionGroups.Group> nested,
      Set<String> siblings,
      Map<String, String> parameters,
      Map<String, ParameterTypes.Typed> rootParameters) {
    this.group = group;
    this.siblings = siblings;
    this.rootParameters = rootParameters;
    List<ConditionGroups.Group> all = new ArrayList<>(List.of(group));
    all.addAll(nested);
    List<Step> steps = new ArrayList<>();
    for (ConditionGroups.Group g : all) {
      g.flag()
          .ifPresent(
              key ->
                  parameterChannels.put(
                      Channels.rootParameter(ParameterNames.rootName(key)),
                      ParameterNames.rootName(key)));
      g.condition()
          .ifPresent(
              c -> {
                OutputRef tested = tested(g);
                conditionChannels.put(Channels.taskOutput(tested.step(), tested.port()), tested);
              });
      steps.addAll(g.steps());
    }
    Set<String> inside = new TreeSet<>(steps.stream().map(Step::name).toList());
    for (Step step : steps) {
      for (Map.Entry<String, OutputRef> input : step.inputs().entrySet()) {
        OutputRef source = input.getValue();
        if (!inside.contains(source.step())) {
          String channel = Channels.taskOutput(source.step(), source.port());
          artifactChannels.put(channel, source);
          artifactTypes.put(
              channel,
              step.component().inputs().stream()
                  .filter(p -> p.name().equals(input.getKey()))
                  .findFirst()
                  .orElseThrow());
        }
      }
      ParameterNames.ofStep(step.name(), parameters)
          .values()
          .forEach(
              key ->
                  parameterChannels.put(
                      Channels.rootParameter(ParameterNames.rootName(key)),
                      ParameterNames.rootName(key)));
    }
  }

  /** The gate output {@code g}'s trigger tests: {@code blessed}, or {@code review_required}. */
  private static OutputRef tested(ConditionGroups.Group g) {
    String gate = g.condition().orElseThrow().source().step();
    return new OutputRef(
        gate, g.reviewRequired().isPresent() ? Channels.REVIEW_REQUIRED : Channels.BLESSED);
  }

  /** The {@code condition-N} task of the enclosing DAG. */
  ObjectNode task() {
    ObjectNode task = JSON.objectNode();
    task.putObject("taskInfo").put("name", group.name());
    task.putObject("componentRef").put("name", group.componentName());
    ObjectNode inputs = task.putObject("inputs");
    Set<String> dependencies = new TreeSet<>();
    artifactChannels.forEach(
        (channel, source) -> {
          ObjectNode artifact = inputs.withObjectProperty("artifacts").putObject(channel);
          if (siblings.contains(source.step())) {
            artifact
                .putObject("taskOutputArtifact")
                .put("producerTask", source.step())
                .put("outputArtifactKey", source.port());
            dependencies.add(source.step());
          } else {
            artifact.put("componentInputArtifact", channel);
          }
        });
    conditionChannels.forEach(
        (channel, source) -> {
          ObjectNode parameter = inputs.withObjectProperty("parameters").putObject(channel);
          if (siblings.contains(source.step())) {
            parameter
                .putObject("taskOutputParameter")
                .put("producerTask", source.step())
                .put("outputParameterKey", source.port());
            dependencies.add(source.step());
          } else {
            parameter.put("componentInputParameter", channel);
          }
        });
    parameterChannels.forEach(
        (channel, root) ->
            inputs
                .withObjectProperty("parameters")
                .putObject(channel)
                .put("componentInputParameter", channel));
    TaskSpecs.dependentTasks(task, dependencies);
    task.putObject("triggerPolicy").put("condition", triggerCondition());
    return task;
  }

  /** The {@code comp-condition-N} component, without its DAG tasks. */
  ObjectNode component() {
    ObjectNode component = JSON.objectNode();
    ObjectNode inputs = component.putObject("inputDefinitions");
    artifactTypes.forEach(
        (channel, port) ->
            inputs
                .withObjectProperty("artifacts")
                .set(channel, ArtifactTypes.definition(port.type())));
    ObjectNode params = inputs.putObject("parameters");
    conditionChannels
        .keySet()
        .forEach(channel -> params.putObject(channel).put("parameterType", "BOOLEAN"));
    parameterChannels.forEach(
        (channel, root) ->
            params.putObject(channel).put("parameterType", rootParameters.get(root).type()));
    return component;
  }

  /**
   * The CEL condition: the gate's blessed output, or the flag's channel, is {@code true}; for a
   * review branch, the gate's {@code review_required} output equals the branch's value.
   */
  private String triggerCondition() {
    if (group.condition().isPresent()) {
      OutputRef tested = tested(group);
      String channel = Channels.taskOutput(tested.step(), tested.port());
      return group
          .reviewRequired()
          .map(value -> Channels.equalsBoolean(channel, value))
          .orElseGet(() -> Channels.isTrue(channel));
    }
    return Channels.isTrue(
        Channels.rootParameter(ParameterNames.rootName(group.flag().orElseThrow())));
  }
}
