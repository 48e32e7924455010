package io.recopipe.pipeline.kfp;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.Component;
import io.recopipe.components.api.Port;
import io.recopipe.pipeline.dsl.Condition;
import java.util.List;
import java.util.Optional;

/**
 * The names KFP gives to values crossing a DAG boundary ({@code pipelinechannel--…}) and the gate's
 * {@code blessed} output parameter, in one place so compiler, validator and tests agree.
 */
final class Channels {
  /** The output parameter a gate-decision step writes for conditions to test. */
  static final String BLESSED = "blessed";

  /**
   * The output parameter a gate-decision step writes beside {@link #BLESSED}: whether its decision
   * asks for a reviewer whatever the promotion policy ({@code review_required} is not empty).
   */
  static final String REVIEW_REQUIRED = "review_required";

  /** The input every executor gets the pipeline job's name in (its {@code --run-id}). */
  static final String JOB_NAME = "pipeline_job_name";

  /** KFP's {@code dsl.PIPELINE_JOB_NAME_PLACEHOLDER}, resolved by the driver. */
  static final String JOB_NAME_PLACEHOLDER = "{{$.pipeline_job_name}}";

  private static final String PREFIX = "pipelinechannel--";

  private Channels() {}

  /** The channel of output {@code key} of task {@code task}. */
  static String taskOutput(String task, String key) {
    return PREFIX + task + "-" + key;
  }

  /** The channel of root parameter {@code rootParameter}. */
  static String rootParameter(String rootParameter) {
    return PREFIX + rootParameter;
  }

  /** The CEL trigger condition of {@code condition}, testing the gate's blessed parameter. */
  static String triggerCondition(Condition condition) {
    return isTrue(taskOutput(condition.source().step(), BLESSED));
  }

  /**
   * The CEL condition KFP's compiler writes for {@code dsl.If(channel == True)} on a BOOLEAN
   * channel (kubeflow/pipelines test_data/sdk_compiled_pipelines/valid/if_elif_else_complex.yaml).
   */
  static String isTrue(String channel) {
    return "inputs.parameter_values['" + channel + "'] == true";
  }

  /**
   * The CEL condition KFP's compiler writes for {@code dsl.If(channel == value)} on a BOOLEAN
   * channel and a Python bool: the literal lower-cased, {@code true} or {@code false}
   * (kubeflow/pipelines@7b70c7b95f6832772efd6fd0029a4024491a0f44
   * sdk/python/kfp/compiler/pipeline_spec_builder.py _single_binary_operation_to_cel_condition).
   */
  static String equalsBoolean(String channel, boolean value) {
    return "inputs.parameter_values['" + channel + "'] == " + value;
  }

  /**
   * The gate-decision output for which {@code component} also writes the {@code blessed} parameter;
   * empty for components without one.
   */
  static Optional<String> blessedPort(Component component) {
    List<Port> decisions =
        component.outputs().stream().filter(p -> p.type() == ArtifactType.GATE_DECISION).toList();
    if (decisions.size() > 1) {
      throw new IllegalArgumentException(
          "component "
              + component.name()
              + " has "
              + decisions.size()
              + " gate-decision outputs; the Vertex compiler supports one");
    }
    return decisions.stream().findFirst().map(Port::name);
  }
}
