package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.Port;
import io.recopipe.pipeline.dsl.Condition;
import io.recopipe.pipeline.dsl.OutputRef;
import io.recopipe.pipeline.dsl.Step;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The two halves of one condition sub-DAG: the {@code condition-N} task in the exit handler's DAG,
 * which passes every outside value in as a {@code pipelinechannel--…} input and carries the trigger
 * policy, and the {@code comp-condition-N} component declaring those channels (typed as their root
 * parameters) as its inputs.
 */
final class ConditionDag {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ConditionGroups.Group group;
  private final Map<String, OutputRef> artifactChannels = new TreeMap<>();
  private final Map<String, Port> artifactTypes = new TreeMap<>();
  private final Map<String, String> parameterChannels = new TreeMap<>();
  private final Map<String, ParameterTypes.Typed> rootParameters;

  /**
   * The sub-DAG of {@code group} under the run's {@code parameters}; {@code rootParameters}: root
   * parameter name → its typed default.
   */
  ConditionDag(
      ConditionGroups.Group group,
      Map<String, String> parameters,
      Map<String, ParameterTypes.Typed> rootParameters) {
    this.group = group;
    this.rootParameters = rootParameters;
    group
        .flag()
        .ifPresent(
            key ->
                parameterChannels.put(
                    Channels.rootParameter(ParameterNames.rootName(key)),
                    ParameterNames.rootName(key)));
    Set<String> inside = new TreeSet<>(group.steps().stream().map(Step::name).toList());
    Map<String, Step> byName = new TreeMap<>();
    for (Step step : group.steps()) {
      byName.put(step.name(), step);
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

  /** The {@code condition-N} task of the exit handler's DAG. */
  ObjectNode task() {
    ObjectNode task = JSON.objectNode();
    task.putObject("taskInfo").put("name", group.name());
    task.putObject("componentRef").put("name", group.componentName());
    ObjectNode inputs = task.putObject("inputs");
    Set<String> dependencies = new TreeSet<>();
    artifactChannels.forEach(
        (channel, source) -> {
          inputs
              .withObjectProperty("artifacts")
              .putObject(channel)
              .putObject("taskOutputArtifact")
              .put("producerTask", source.step())
              .put("outputArtifactKey", source.port());
          dependencies.add(source.step());
        });
    group
        .condition()
        .ifPresent(
            condition -> {
              String gate = condition.source().step();
              inputs
                  .withObjectProperty("parameters")
                  .putObject(blessedChannel(condition))
                  .putObject("taskOutputParameter")
                  .put("producerTask", gate)
                  .put("outputParameterKey", Channels.BLESSED);
              dependencies.add(gate);
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
    group
        .condition()
        .ifPresent(c -> params.putObject(blessedChannel(c)).put("parameterType", "BOOLEAN"));
    parameterChannels.forEach(
        (channel, root) ->
            params.putObject(channel).put("parameterType", rootParameters.get(root).type()));
    return component;
  }

  /** The CEL condition: the gate's blessed output, or the flag's channel, is {@code true}. */
  private String triggerCondition() {
    return group
        .condition()
        .map(Channels::triggerCondition)
        .orElseGet(
            () ->
                Channels.isTrue(
                    Channels.rootParameter(ParameterNames.rootName(group.flag().orElseThrow()))));
  }

  private static String blessedChannel(Condition condition) {
    return Channels.taskOutput(condition.source().step(), Channels.BLESSED);
  }
}
