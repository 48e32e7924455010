package io.recopipe.pipeline.kfp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Wraps the pipeline's tasks in one {@code dsl.ExitHandler}, as KFP's compiler writes it
 * (kubeflow/pipelines test_data/sdk_compiled_pipelines/valid/pipeline_with_task_final_status.yaml):
 * the root DAG holds the {@value #HANDLER} task, whose {@code comp-exit-handler-1} DAG runs every
 * step with the root parameters as {@code pipelinechannel--…} inputs, and the exit task {@value
 * #COMMIT}, which runs once that DAG has ended however it ended ({@code
 * ALL_UPSTREAM_TASKS_COMPLETED}) and reads its final status. The exit task is the job's commit
 * point: it publishes the tables the steps staged in one transaction when the DAG succeeded and
 * drops them otherwise, so a failed or cancelled job changes no table anyone reads (a gate that
 * does not bless drops them itself, see {@link ContainerRun}). The exit task has no {@code
 * retryPolicy}: a publish cancelled by a concurrent job's transaction is run again inside the task
 * (the warehouse's publish waits and retries), while a failed commit has already dropped the staged
 * tables and rejected the version, so a KFP retry would find nothing to publish and move traffic to
 * a model whose tables were never published.
 */
final class ExitHandler {
  /** The exit handler's task and DAG name. */
  static final String HANDLER = "exit-handler-1";

  /** The exit task. */
  static final String COMMIT = "commit";

  /** The exit task's input holding the exit handler's final status. */
  static final String STATUS = "status";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ExitHandler() {}

  /** The component name of the exit handler's DAG. */
  static String componentName() {
    return "comp-" + HANDLER;
  }

  /**
   * The {@value #HANDLER} task of the root DAG, passing each of {@code rootParameters} in as its
   * channel.
   */
  static ObjectNode handlerTask(List<String> rootParameters) {
    ObjectNode task = JSON.objectNode();
    task.putObject("taskInfo").put("name", HANDLER);
    task.putObject("componentRef").put("name", componentName());
    ObjectNode params = task.putObject("inputs").putObject("parameters");
    rootParameters.forEach(
        name ->
            params.putObject(Channels.rootParameter(name)).put("componentInputParameter", name));
    return task;
  }

  /**
   * The exit handler's component, declaring a typed channel per root parameter; DAG added later.
   */
  static ObjectNode handlerComponent(Map<String, ParameterTypes.Typed> rootParameters) {
    ObjectNode component = JSON.objectNode();
    ObjectNode params = component.putObject("inputDefinitions").putObject("parameters");
    rootParameters.forEach(
        (name, typed) ->
            params.putObject(Channels.rootParameter(name)).put("parameterType", typed.type()));
    return component;
  }

  /**
   * The exit task: not cached, after the exit handler, triggered however it ended, with the job
   * name, the root parameters of config keys {@code keys} and the handler's final status as inputs.
   */
  static ObjectNode commitTask(List<String> keys) {
    ObjectNode task = JSON.objectNode();
    task.putObject("taskInfo").put("name", COMMIT);
    task.putObject("componentRef").put("name", "comp-" + COMMIT);
    task.putObject("cachingOptions");
    task.putArray("dependentTasks").add(HANDLER);
    ObjectNode params = task.putObject("inputs").putObject("parameters");
    params
        .putObject(Channels.JOB_NAME)
        .putObject("runtimeValue")
        .put("constant", Channels.JOB_NAME_PLACEHOLDER);
    for (String key : keys) {
      String name = ParameterNames.rootName(key);
      params.putObject(name).put("componentInputParameter", name);
    }
    params.putObject(STATUS).putObject("taskFinalStatus").put("producerTask", HANDLER);
    task.putObject("triggerPolicy").put("strategy", "ALL_UPSTREAM_TASKS_COMPLETED");
    return task;
  }
}
