package io.recopipe.pipeline.dsl;

import io.recopipe.components.api.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configures one step of a {@link PipelineBuilder} and hands back to it, so that a whole pipeline
 * reads as one chained expression.
 */
public final class StepBuilder {
  private final PipelineBuilder pipeline;
  private final String name;
  private final Component component;
  private final Map<String, OutputRef> inputs = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private Condition condition;
  private RetryPolicy retry = RetryPolicy.NONE;
  private boolean cacheable = true;
  private boolean requiresApproval;

  StepBuilder(PipelineBuilder pipeline, String name, Component component) {
    this.pipeline = pipeline;
    this.name = name;
    this.component = component;
  }

  /** Feeds input {@code port} from another step's output. */
  public StepBuilder input(String port, OutputRef source) {
    if (inputs.put(port, source) != null) {
      problems.add("step " + name + ": input " + port + " is wired twice");
    }
    return this;
  }

  /** Feeds input {@code port} from output {@code sourcePort} of step {@code sourceStep}. */
  public StepBuilder input(String port, String sourceStep, String sourcePort) {
    return input(port, OutputRef.from(sourceStep, sourcePort));
  }

  /** Runs the step only when {@code condition} holds (otherwise it is skipped). */
  public StepBuilder when(Condition condition) {
    this.condition = condition;
    return this;
  }

  /** Retries unexpected failures per {@code policy}. */
  public StepBuilder retry(RetryPolicy policy) {
    this.retry = policy;
    return this;
  }

  /** Whether an earlier identical execution may be reused (default true). */
  public StepBuilder cache(boolean enabled) {
    this.cacheable = enabled;
    return this;
  }

  /**
   * Marks the step as one a reviewer must approve under {@code promotion: review} (e.g. deploy):
   * the run stops before it, AWAITING_APPROVAL, until approved.
   */
  public StepBuilder requiresApproval() {
    this.requiresApproval = true;
    return this;
  }

  /** Ends this step and starts the next one. */
  public StepBuilder step(String stepName, Component next) {
    return pipeline.step(stepName, next);
  }

  /** Ends this step and starts the next one, named after its component. */
  public StepBuilder step(Component next) {
    return pipeline.step(next);
  }

  /** Ends the definition; see {@link PipelineBuilder#build()}. */
  public Pipeline build() {
    return pipeline.build();
  }

  List<String> problems() {
    return problems;
  }

  Step toStep() {
    return new Step(
        name,
        component,
        inputs,
        Optional.ofNullable(condition),
        retry,
        cacheable,
        requiresApproval);
  }
}
