package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a KFP {@code PipelineSpec} ({@code api/v2alpha1/pipeline_spec.proto}) that decide
 * how a job runs, read and checked once before anything runs.
 *
 * @param pipelineName {@code pipelineInfo.name}
 * @param pipelineRoot {@code defaultPipelineRoot}, when set
 * @param root the root component (a DAG)
 * @param components {@code components} by name
 * @param executors {@code deploymentSpec.executors} by label
 */
record Spec(
    String pipelineName,
    Optional<String> pipelineRoot,
    Component root,
    Map<String, Component> components,
    Map<String, Executor> executors) {

  /** A {@code ComponentSpec}: typed inputs and outputs, and either a DAG or an executor. */
  record Component(
      String path,
      Map<String, ParameterSpec> inputParameters,
      Map<String, JsonNode> inputArtifacts,
      Map<String, ParameterSpec> outputParameters,
      Map<String, JsonNode> outputArtifacts,
      Optional<Dag> dag,
      Optional<String> executorLabel) {}

  /** A {@code ParameterSpec}: its type, default ({@code google.protobuf.Value}) and optionality. */
  record ParameterSpec(ParameterType type, Optional<JsonNode> defaultValue, boolean optional) {}

  /**
   * A {@code DagSpec}: tasks in an order where each comes after the tasks it depends on, and the
   * DAG's outputs as selectors of its tasks' outputs.
   */
  record Dag(
      List<Task> tasks,
      Map<String, List<Selector>> outputParameters,
      Map<String, List<Selector>> outputArtifacts) {}

  /** One {@code producerSubtask}'s output {@code key}. */
  record Selector(String producerSubtask, String key) {}

  /** A {@code PipelineTaskSpec}. */
  record Task(
      String name,
      String path,
      String componentRef,
      List<String> dependentTasks,
      Map<String, ParameterSource> parameters,
      Map<String, ArtifactSource> artifacts,
      Optional<TriggerCondition> condition,
      boolean allUpstreamCompleted,
      boolean enableCache,
      Optional<Retry> retry) {}

  /** Where a task input parameter comes from ({@code InputParameterSpec}'s oneof kind). */
  sealed interface ParameterSource {}

  /** {@code componentInputParameter}: the enclosing DAG's input. */
  record ComponentInput(String name) implements ParameterSource {}

  /** {@code taskOutputParameter}: a sibling task's output parameter. */
  record TaskOutput(String producerTask, String key) implements ParameterSource {}

  /** {@code runtimeValue.constant}: a value, or a {@code {{$.pipeline_job_name}}}-style name. */
  record Constant(JsonNode value) implements ParameterSource {}

  /** {@code taskFinalStatus}: the final status of the task an exit handler waits for. */
  record FinalStatus(String producerTask) implements ParameterSource {}

  /** Where a task input artifact comes from. */
  sealed interface ArtifactSource {}

  /** {@code componentInputArtifact}: the enclosing DAG's input artifact. */
  record ComponentArtifact(String name) implements ArtifactSource {}

  /** {@code taskOutputArtifact}: a sibling task's output artifact. */
  record TaskArtifact(String producerTask, String key) implements ArtifactSource {}

  /** A {@code PipelineContainerSpec}: what the task's container runs. */
  record Executor(String image, List<String> command, List<String> args, Map<String, String> env) {}

  /**
   * A {@code RetryPolicy}: up to {@code maxRetryCount} more attempts, waiting {@code backoff} times
   * {@code factor}^n, at most {@code maxBackoff}.
   */
  record Retry(int maxRetryCount, Duration backoff, double factor, Duration maxBackoff) {
    /** The wait before retry {@code n} (1-based). */
    Duration delay(int n) {
      double millis = backoff.toMillis() * Math.pow(factor, n - 1);
      return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
  }
}
