package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.pipeline.dsl.OutputRef;
import io.recopipe.pipeline.dsl.RetryPolicy;
import io.recopipe.pipeline.dsl.Step;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the task that runs one step inside a DAG: where each input artifact and parameter comes
 * from (a sibling task's output, or the enclosing DAG's input channel), which tasks it waits for,
 * its caching and its retry policy.
 */
final class TaskSpecs {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TaskSpecs() {}

  /**
   * The task of {@code step} in a DAG holding {@code siblings} (step names): the exit handler's or
   * a condition's, whose root parameters and outside artifacts arrive as pipeline channels.
   */
  static ObjectNode task(
      Step step, Map<String, String> params, Set<String> siblings, boolean enableCache) {
    ObjectNode task = JSON.objectNode();
    task.putObject("taskInfo").put("name", step.name());
    task.putObject("componentRef").put("name", "comp-" + step.name());
    ObjectNode inputs = JSON.objectNode();
    // as KFP's compiler passes dsl.PIPELINE_JOB_NAME_PLACEHOLDER: a task input whose runtime
    // value the driver resolves (the launcher does not substitute it inside args); only tasks
    // that are not cached take it, since a value that differs per job makes every cache key differ
    if (!enableCache) {
      inputs
          .withObjectProperty("parameters")
          .putObject(Channels.JOB_NAME)
          .putObject("runtimeValue")
          .put("constant", Channels.JOB_NAME_PLACEHOLDER);
    }
    Set<String> dependencies = new TreeSet<>();
    for (Map.Entry<String, OutputRef> input : step.inputs().entrySet()) {
      OutputRef source = input.getValue();
      ObjectNode artifact = inputs.withObjectProperty("artifacts").putObject(input.getKey());
      if (siblings.contains(source.step())) {
        artifact
            .putObject("taskOutputArtifact")
            .put("producerTask", source.step())
            .put("outputArtifactKey", source.port());
        dependencies.add(source.step());
      } else {
        artifact.put("componentInputArtifact", Channels.taskOutput(source.step(), source.port()));
      }
    }
    params.forEach(
        (name, key) -> {
          String root = ParameterNames.rootName(key);
          inputs
              .withObjectProperty("parameters")
              .putObject(ParameterNames.componentName(name))
              .put("componentInputParameter", Channels.rootParameter(root));
        });
    task.set("inputs", inputs);
    dependentTasks(task, dependencies);
    task.putObject("cachingOptions").put("enableCache", enableCache);
    retry(step.retry(), task);
    return task;
  }

  /** Adds {@code dependentTasks} when there are any. */
  static void dependentTasks(ObjectNode task, Collection<String> names) {
    if (!names.isEmpty()) {
      ArrayNode array = task.putArray("dependentTasks");
      new TreeSet<>(names).forEach(array::add);
    }
  }

  private static void retry(RetryPolicy policy, ObjectNode task) {
    if (policy.maxAttempts() <= 1) {
      return;
    }
    task.putObject("retryPolicy")
        .put("maxRetryCount", policy.maxAttempts() - 1)
        .put("backoffDuration", policy.initialBackoff().toSeconds() + "s")
        .put("backoffFactor", policy.multiplier())
        .put("backoffMaxDuration", "3600s");
  }
}
