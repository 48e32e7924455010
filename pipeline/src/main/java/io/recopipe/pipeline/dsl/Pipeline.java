package io.recopipe.pipeline.dsl;

import java.util.List;
import java.util.Optional;

/**
 * A validated pipeline definition: named steps wired by data flow, in a deterministic topological
 * order. It says nothing about where it runs, so the local runner executes it and a compiler can
 * turn the same object into a KFP v2 spec.
 */
public final class Pipeline {
  private final String name;
  private final List<Step> steps;
  private final List<Step> order;

  Pipeline(String name, List<Step> steps, List<Step> order) {
    this.name = name;
    this.steps = List.copyOf(steps);
    this.order = List.copyOf(order);
  }

  /** Starts a definition named {@code name} (used to find earlier runs and the champion). */
  public static PipelineBuilder builder(String name) {
    return new PipelineBuilder(name);
  }

  /** The pipeline name. */
  public String name() {
    return name;
  }

  /** The steps in declaration order. */
  public List<Step> steps() {
    return steps;
  }

  /**
   * The steps in execution order: every step after the steps it depends on; among steps that are
   * ready at the same time, declaration order wins.
   */
  public List<Step> executionOrder() {
    return order;
  }

  /** The step named {@code stepName}, if any. */
  public Optional<Step> step(String stepName) {
    return steps.stream().filter(s -> s.name().equals(stepName)).findFirst();
  }

  @Override
  public String toString() {
    return name + order.stream().map(Step::name).toList();
  }
}
