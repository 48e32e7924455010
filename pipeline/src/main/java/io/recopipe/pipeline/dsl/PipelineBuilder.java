package io.recopipe.pipeline.dsl;

import io.recopipe.components.api.Component;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Pipeline} fluently in Java code and validates it as a whole at {@link #build()},
 * so that a wrong definition fails before anything runs and lists all its problems at once.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.builder("movielens-mf")
 *     .step("ingest", ingest)
 *     .step("train", train).input("dataset", OutputRef.from("ingest", "dataset"))
 *         .retry(RetryPolicy.of(3, Duration.ofSeconds(1), 2.0))
 *     .step("export", export).input("model", OutputRef.from("train", "model"))
 *         .when(Condition.whenBlessed("gate", "decision"))
 *     .build();
 * }</pre>
 */
public final class PipelineBuilder {
  private final String name;
  private final List<StepBuilder> steps = new ArrayList<>();

  PipelineBuilder(String name) {
    this.name = name;
  }

  /** Adds step {@code stepName} running {@code component}; configure it on the returned builder. */
  public StepBuilder step(String stepName, Component component) {
    StepBuilder step = new StepBuilder(this, stepName, component);
    steps.add(step);
    return step;
  }

  /** Adds a step named after its component. */
  public StepBuilder step(Component component) {
    return step(component.name(), component);
  }

  /**
   * Validates and freezes the definition.
   *
   * @throws PipelineValidationException listing every problem found
   */
  public Pipeline build() {
    List<Step> built = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (StepBuilder step : steps) {
      problems.addAll(step.problems());
      built.add(step.toStep());
    }
    if (name == null || name.isBlank()) {
      problems.add("the pipeline needs a name");
    }
    PipelineValidator validator = new PipelineValidator(built);
    problems.addAll(validator.problems());
    List<Step> order = TopologicalOrder.of(built, problems);
    if (!problems.isEmpty()) {
      throw new PipelineValidationException(name, problems);
    }
    return new Pipeline(name, built, order);
  }
}
