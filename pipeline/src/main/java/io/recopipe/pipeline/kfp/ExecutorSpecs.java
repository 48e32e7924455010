package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.Component;
import io.recopipe.components.api.Port;
import io.recopipe.pipeline.config.TaskResources;
import io.recopipe.pipeline.dsl.Step;
import java.util.List;
import java.util.Map;

/**
 * Writes one step's executor component ({@code comp-STEP}: typed inputs and outputs) and its
 * container ({@code exec-STEP}): the recopipe image running {@code recopipe component STEP} with
 * every artifact path, parameter and output-parameter file as KFP placeholders, for a task that is
 * not cached the job name as an input ({@value Channels#JOB_NAME}) that the task sets to KFP's
 * runtime placeholder (a cached task leaves it out: it is part of every cache key), the task's CPU
 * and memory limits, and for a step with a {@code system.Metrics} output the executor input ({@code
 * {{$}}}), whose output file receives the metrics as that artifact's metadata.
 */
final class ExecutorSpecs {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The option carrying KFP's executor input, as KFP's Python components take it. */
  static final String EXECUTOR_INPUT = "--executor-input";

  /** KFP's {@code dsl.PIPELINE_TASK_EXECUTOR_INPUT_PLACEHOLDER}: the whole executor input. */
  static final String EXECUTOR_INPUT_PLACEHOLDER = "{{$}}";

  private final KfpOptions options;

  ExecutorSpecs(KfpOptions options) {
    this.options = options;
  }

  /**
   * The component definition of {@code step}; {@code params}: scoped name → config key; {@code
   * types}: root parameter name → its typed default.
   */
  ObjectNode component(
      Step step,
      Map<String, String> params,
      Map<String, ParameterTypes.Typed> types,
      boolean runScoped) {
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
    if (runScoped) {
      inputs
          .withObjectProperty("parameters")
          .putObject(Channels.JOB_NAME)
          .put("parameterType", "STRING");
    }
    params.forEach(
        (name, key) ->
            inputs
                .withObjectProperty("parameters")
                .putObject(ParameterNames.componentName(name))
                .put("parameterType", types.get(ParameterNames.rootName(key)).type()));
    spec.set("inputDefinitions", inputs);
    ObjectNode outputs = spec.putObject("outputDefinitions");
    for (Port port : component.outputs()) {
      outputs
          .withObjectProperty("artifacts")
          .set(port.name(), ArtifactTypes.definition(port.type()));
    }
    Channels.blessedPort(component)
        .ifPresent(
            port -> {
              ObjectNode decided = outputs.withObjectProperty("parameters");
              decided.putObject(Channels.BLESSED).put("parameterType", "BOOLEAN");
              decided.putObject(Channels.REVIEW_REQUIRED).put("parameterType", "BOOLEAN");
            });
    return spec;
  }

  /** The executor of {@code step}: {@code {"container": {image, command, args, resources}}}. */
  ObjectNode executor(
      Step step, Map<String, String> params, TaskResources resources, boolean runScoped) {
    ObjectNode container = container(resources);
    ArrayNode args = container.putArray("args");
    // both register tasks run the register step (KFP names a second task of a component NAME-2)
    args.add("component")
        .add(RegisterComponent.isRegisterTask(step.name()) ? RegisterComponent.NAME : step.name());
    if (runScoped) {
      args.add("--run-id").add("{{$.inputs.parameters['" + Channels.JOB_NAME + "']}}");
    }
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
    if (Channels.blessedPort(step.component()).isPresent()) {
      for (String name : List.of(Channels.BLESSED, Channels.REVIEW_REQUIRED)) {
        args.add("--output-parameter")
            .add(name + "={{$.outputs.parameters['" + name + "'].output_file}}");
      }
    }
    if (step.component().outputs().stream().anyMatch(ExecutorSpecs::isMetrics)) {
      args.add(EXECUTOR_INPUT).add(EXECUTOR_INPUT_PLACEHOLDER);
    }
    return executor(container);
  }

  /**
   * The exit task's component: the job name, the config keys {@code keys} (typed as their root
   * parameters in {@code types}) and the exit handler's final status ({@code TASK_FINAL_STATUS},
   * optional as KFP's compiler declares it).
   */
  static ObjectNode commitComponent(List<String> keys, Map<String, ParameterTypes.Typed> types) {
    ObjectNode spec = JSON.objectNode();
    spec.put("executorLabel", "exec-" + ExitHandler.COMMIT);
    ObjectNode params = spec.putObject("inputDefinitions").putObject("parameters");
    params.putObject(Channels.JOB_NAME).put("parameterType", ParameterTypes.STRING);
    for (String key : keys) {
      String name = ParameterNames.rootName(key);
      params.putObject(name).put("parameterType", types.get(name).type());
    }
    params
        .putObject(ExitHandler.STATUS)
        .put("isOptional", true)
        .put("parameterType", "TASK_FINAL_STATUS");
    return spec;
  }

  /**
   * The exit task's executor: {@code recopipe component --commit} with {@code keys} as {@code
   * --param}s, which reads the final status from the executor input, publishes or drops the job's
   * staged tables and settles the job's model version ({@link JobVersions}).
   */
  ObjectNode commitExecutor(TaskResources resources, List<String> keys) {
    ObjectNode container = container(resources);
    ArrayNode args =
        container
            .putArray("args")
            .add("component")
            .add("--commit")
            .add("--run-id")
            .add("{{$.inputs.parameters['" + Channels.JOB_NAME + "']}}");
    for (String key : keys) {
      args.add("--param")
          .add(key + "={{$.inputs.parameters['" + ParameterNames.rootName(key) + "']}}");
    }
    args.add(EXECUTOR_INPUT).add(EXECUTOR_INPUT_PLACEHOLDER);
    return executor(container);
  }

  private ObjectNode container(TaskResources resources) {
    ObjectNode container = JSON.objectNode();
    container.put("image", options.image());
    ArrayNode command = container.putArray("command");
    options.command().forEach(command::add);
    if (!options.env().isEmpty()) {
      ArrayNode env = container.putArray("env");
      options.env().forEach((name, value) -> env.addObject().put("name", name).put("value", value));
    }
    // as KFP's compiler writes set_cpu_limit/set_memory_limit: the resource_* strings, and the
    // deprecated numbers for older backends (sdk/python/kfp/compiler/pipeline_spec_builder.py)
    container
        .putObject("resources")
        .put("cpuLimit", resources.cpuCores())
        .put("memoryLimit", resources.memoryGigabytes())
        .put("resourceCpuLimit", resources.cpuLimit())
        .put("resourceMemoryLimit", resources.memoryLimit());
    return container;
  }

  private static ObjectNode executor(ObjectNode container) {
    ObjectNode executor = JSON.objectNode();
    executor.set("container", container);
    return executor;
  }

  static boolean isMetrics(Port port) {
    return ArtifactTypes.schemaTitle(port.type()).equals(ArtifactTypes.METRICS);
  }
}
