package io.recopipe.pipeline.dsl;

import io.recopipe.components.api.Component;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One node of a pipeline: a component under a step name, where each input comes from, when it runs,
 * how it is retried and whether it may be cached. Immutable, built by {@link Pipeline#builder}.
 *
 * @param name the step name (unique in the pipeline; also the parameter prefix)
 * @param component the work
 * @param inputs input port → producing step's output
 * @param condition when the step runs (empty: always)
 * @param retry the retry policy
 * @param cacheable whether an earlier identical execution may be reused
 * @param requiresApproval whether, under {@code promotion: review}, the run waits for a reviewer
 *     before this step (the runner's approval gate)
 */
public record Step(
    String name,
    Component component,
    Map<String, OutputRef> inputs,
    Optional<Condition> condition,
    RetryPolicy retry,
    boolean cacheable,
    boolean requiresApproval) {
  /** Copies the input map, keeping its order. */
  public Step {
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }
}
