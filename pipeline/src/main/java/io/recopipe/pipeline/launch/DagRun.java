package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.launch.Spec.ArtifactSource;
import io.recopipe.pipeline.launch.Spec.Component;
import io.recopipe.pipeline.launch.Spec.ComponentArtifact;
import io.recopipe.pipeline.launch.Spec.ComponentInput;
import io.recopipe.pipeline.launch.Spec.Constant;
import io.recopipe.pipeline.launch.Spec.FinalStatus;
import io.recopipe.pipeline.launch.Spec.ParameterSource;
import io.recopipe.pipeline.launch.Spec.ParameterSpec;
import io.recopipe.pipeline.launch.Spec.Selector;
import io.recopipe.pipeline.launch.Spec.Task;
import io.recopipe.pipeline.launch.Spec.TaskArtifact;
import io.recopipe.pipeline.launch.Spec.TaskOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the tasks of one DAG in order as KFP's driver resolves them ({@code resolve.go}): inputs
 * from the DAG's inputs, siblings' outputs, runtime values and final statuses, typed against the
 * component (defaults filled, STRING inputs given any value's text), then the trigger condition,
 * then a sub-DAG recursively or the container through {@link TaskLauncher}. A task whose upstream
 * failed, or that would start after any task failed, does not run unless its strategy is {@code
 * ALL_UPSTREAM_TASKS_COMPLETED} (an exit handler).
 */
final class DagRun {
  private final SpecJob job;
  private final TaskLauncher launcher;

  DagRun(SpecJob job, TaskLauncher launcher) {
    this.job = job;
    this.launcher = launcher;
  }

  /**
   * Runs the DAG of {@code component} with its inputs; {@code scope} prefixes task keys ({@code
   * condition-1.}). Returns the DAG's own result: FAILED when a task failed, else SUCCEEDED with
   * the outputs its selectors pick.
   */
  TaskResult run(
      Component component,
      String scope,
      Map<String, JsonNode> parameters,
      Map<String, JsonNode> artifacts) {
    Spec.Dag dag = component.dag().orElseThrow();
    Map<String, TaskResult> results = new LinkedHashMap<>();
    boolean failed = false;
    for (Task task : dag.tasks()) {
      String key = scope + task.name();
      TaskResult result = runTask(task, key, results, parameters, artifacts);
      results.put(task.name(), result);
      job.record(key, result);
      job.out().println("task " + key + ": " + result.state() + describe(result));
      failed |= result.state() == TaskState.FAILED;
    }
    if (failed) {
      return new TaskResult(TaskState.FAILED, Map.of(), Map.of(), 0, "a task failed");
    }
    Map<String, JsonNode> outParameters = new LinkedHashMap<>();
    dag.outputParameters()
        .forEach((name, selectors) -> pick(results, selectors, true, outParameters, name));
    Map<String, JsonNode> outArtifacts = new LinkedHashMap<>();
    dag.outputArtifacts()
        .forEach((name, selectors) -> pick(results, selectors, false, outArtifacts, name));
    return new TaskResult(TaskState.SUCCEEDED, outParameters, outArtifacts, 0, "");
  }

  private TaskResult runTask(
      Task task,
      String key,
      Map<String, TaskResult> results,
      Map<String, JsonNode> dagParameters,
      Map<String, JsonNode> dagArtifacts) {
    boolean upstreamFailed =
        DagParser.upstream(task).stream()
            .map(results::get)
            .anyMatch(r -> r.state() == TaskState.FAILED || r.state() == TaskState.UNSCHEDULABLE);
    if (!task.allUpstreamCompleted() && (upstreamFailed || job.failing())) {
      return TaskResult.of(
          TaskState.UNSCHEDULABLE,
          upstreamFailed ? "an upstream task failed" : "another task failed");
    }
    Component component = job.spec().components().get(task.componentRef());
    Map<String, JsonNode> parameters;
    Map<String, JsonNode> artifacts;
    try {
      parameters = parameters(task, key, component, results, dagParameters);
      artifacts = artifacts(task, component, results, dagArtifacts);
    } catch (IllegalArgumentException e) {
      return TaskResult.of(TaskState.FAILED, e.getMessage());
    }
    if (task.condition().isPresent()) {
      try {
        if (!task.condition().get().test(parameters)) {
          return TaskResult.of(
              TaskState.NOT_TRIGGERED, task.condition().get().source() + " is false");
        }
      } catch (IllegalArgumentException e) {
        return TaskResult.of(TaskState.FAILED, e.getMessage());
      }
    }
    if (component.dag().isPresent()) {
      return run(component, key + ".", parameters, artifacts);
    }
    return launcher.launch(task, key, component, parameters, artifacts);
  }

  private Map<String, JsonNode> parameters(
      Task task,
      String key,
      Component component,
      Map<String, TaskResult> results,
      Map<String, JsonNode> dagParameters) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (Map.Entry<String, ParameterSource> input : task.parameters().entrySet()) {
      JsonNode value = value(input.getKey(), input.getValue(), key, results, dagParameters);
      if (value != null) {
        values.put(input.getKey(), value);
      }
    }
    for (Map.Entry<String, ParameterSpec> spec : component.inputParameters().entrySet()) {
      String name = spec.getKey();
      JsonNode value = values.get(name);
      if (value == null) {
        if (spec.getValue().defaultValue().isPresent()) {
          values.put(name, spec.getValue().defaultValue().get());
        } else if (!spec.getValue().optional()) {
          throw new IllegalArgumentException(
              "neither value nor default value provided for non-optional parameter " + name);
        }
        continue;
      }
      ParameterType type = spec.getValue().type();
      if (type == ParameterType.STRING && !value.isTextual()) {
        values.put(name, TextNode.valueOf(Values.text(value)));
      } else if (!type.accepts(value)) {
        throw new IllegalArgumentException(
            "input parameter "
                + name
                + " type mismatch: expect "
                + type
                + ", got "
                + Json.compact(value));
      }
    }
    return values;
  }

  private JsonNode value(
      String name,
      ParameterSource source,
      String key,
      Map<String, TaskResult> results,
      Map<String, JsonNode> dagParameters) {
    if (source instanceof ComponentInput in) {
      return dagParameters.get(in.name());
    }
    if (source instanceof Constant constant) {
      return job.runtimeValue(constant.value(), key);
    }
    if (source instanceof FinalStatus status) {
      return finalStatus(status.producerTask(), results);
    }
    TaskOutput out = (TaskOutput) source;
    TaskResult producer = results.get(out.producerTask());
    JsonNode produced = producer.parameters().get(out.key());
    if (produced == null) {
      throw new IllegalArgumentException(
          "input parameter "
              + name
              + ": task "
              + out.producerTask()
              + " ("
              + producer.state()
              + ") has no output parameter "
              + out.key());
    }
    return produced;
  }

  private static Map<String, JsonNode> artifacts(
      Task task,
      Component component,
      Map<String, TaskResult> results,
      Map<String, JsonNode> dagArtifacts) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (Map.Entry<String, ArtifactSource> input : task.artifacts().entrySet()) {
      JsonNode artifact =
          input.getValue() instanceof ComponentArtifact in
              ? dagArtifacts.get(in.name())
              : results
                  .get(((TaskArtifact) input.getValue()).producerTask())
                  .artifacts()
                  .get(((TaskArtifact) input.getValue()).key());
      if (artifact == null) {
        throw new IllegalArgumentException("input artifact " + input.getKey() + " has no value");
      }
      values.put(input.getKey(), artifact);
    }
    return values;
  }

  private JsonNode finalStatus(String producer, Map<String, TaskResult> results) {
    ObjectNode status = Json.object();
    status.put("state", results.get(producer).state().finalStatus());
    status.put("pipelineTaskName", producer);
    status.put("pipelineJobResourceName", job.resourceName());
    status.putObject("error");
    return status;
  }

  private static void pick(
      Map<String, TaskResult> results,
      List<Selector> selectors,
      boolean parameter,
      Map<String, JsonNode> into,
      String name) {
    for (Selector selector : selectors) {
      TaskResult producer = results.get(selector.producerSubtask());
      JsonNode value =
          parameter
              ? producer.parameters().get(selector.key())
              : producer.artifacts().get(selector.key());
      if (value != null) {
        into.put(name, value);
        return;
      }
    }
  }

  private static String describe(TaskResult result) {
    return result.message().isEmpty() ? "" : " (" + result.message() + ")";
  }
}
