package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.Component;
import io.recopipe.components.api.Port;
import io.recopipe.pipeline.dsl.Step;
import java.util.Map;

/**
 * Writes one step's executor component ({@code comp-STEP}: typed inputs and outputs) and its
 * container ({@code exec-STEP}): the recopipe image running {@code recopipe component STEP} with
 * every artifact path, parameter and output-parameter file as KFP placeholders, and the job name as
 * an input ({@value Channels#JOB_NAME}) that each task sets to KFP's runtime placeholder.
 */
final class ExecutorSpecs {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final KfpOptions options;

  ExecutorSpecs(KfpOptions options) {
    this.options = options;
  }

  /** The component definition of {@code step}; {@code params}: scoped name → config key. */
  ObjectNode component(Step step, Map<String, String> params) {
    Component component = step.component();
    ObjectNode spec = JSON.objectNode();
    spec.put("executorLabel", "exec-" + step.name());
    ObjectNode inputs = JSON.objectNode();
    for (Port port : component.inputs()) {
      if (step.inputs().containsKey(port.name())) {
        inputs
            .withObjectProperty("artifacts")
            .set(port.name(), ArtifactTypes.definition(port.type()));
      }
    }
    inputs
        .withObjectProperty("parameters")
        .putObject(Channels.JOB_NAME)
        .put("parameterType", "STRING");
    params
        .keySet()
        .forEach(
            name ->
                inputs
                    .withObjectProperty("parameters")
                    .putObject(ParameterNames.componentName(name))
                    .put("parameterType", "STRING"));
    spec.set("inputDefinitions", inputs);
    ObjectNode outputs = spec.putObject("outputDefinitions");
    for (Port port : component.outputs()) {
      outputs
          .withObjectProperty("artifacts")
          .set(port.name(), ArtifactTypes.definition(port.type()));
    }
    Channels.blessedPort(component)
        .ifPresent(
            port ->
                outputs
                    .withObjectProperty("parameters")
                    .putObject(Channels.BLESSED)
                    .put("parameterType", "BOOLEAN"));
    return spec;
  }

  /** The executor of {@code step}: {@code {"container": {image, command, args}}}. */
  ObjectNode executor(Step step, Map<String, String> params) {
    ObjectNode container = JSON.objectNode();
    container.put("image", options.image());
    ArrayNode command = container.putArray("command");
    options.command().forEach(command::add);
    ArrayNode args = container.putArray("args");
    args.add("component")
        .add(step.name())
        .add("--run-id")
        .add("{{$.inputs.parameters['" + Channels.JOB_NAME + "']}}");
    for (String port : step.inputs().keySet()) {
      args.add("--input").add(port + "={{$.inputs.artifacts['" + port + "'].path}}");
    }
    for (Port port : step.component().outputs()) {
      args.add("--output")
          .add(port.name() + "={{$.outputs.artifacts['" + port.name() + "'].path}}");
    }
    params
        .keySet()
        .forEach(
            name ->
                args.add("--param")
                    .add(
                        name
                            + "={{$.inputs.parameters['"
                            + ParameterNames.componentName(name)
                            + "']}}"));
    Channels.blessedPort(step.component())
        .ifPresent(
            port ->
                args.add("--output-parameter")
                    .add(
                        Channels.BLESSED
                            + "={{$.outputs.parameters['"
                            + Channels.BLESSED
                            + "'].output_file}}"));
    if (!options.env().isEmpty()) {
      ArrayNode env = container.putArray("env");
      options.env().forEach((name, value) -> env.addObject().put("name", name).put("value", value));
    }
    ObjectNode executor = JSON.objectNode();
    executor.set("container", container);
    return executor;
  }
}
