package io.recopipe.components.api;

import java.util.List;
import java.util.Map;

/**
 * One pipeline step (ingest, train, evaluate, gate, export, …): a name and version, typed inputs
 * and outputs and the work itself. The same component runs under the local runner and, compiled, on
 * Vertex AI, so it must touch the world only through its {@link StepContext}.
 */
public interface Component {
  /** The component name, e.g. {@code train}; also the default step name. */
  String name();

  /** The component version; bump it when its logic changes, which invalidates cached results. */
  String version();

  /** The inputs this component reads, by port name. */
  List<Port> inputs();

  /** The outputs this component writes, by port name. */
  List<Port> outputs();

  /**
   * Checks this step's parameters (keys without the step prefix, as {@link StepContext#parameters}
   * gives them) without touching data, so a pipeline refuses a bad config before it records a run.
   * Every parameter problem {@link #run} could report must be reported here too.
   *
   * <p>There is deliberately no default: a default that accepts anything would let a new component
   * skip up-front validation silently. Each component implements it by calling the same parse
   * function its {@link #run} starts with, so the check and the step cannot disagree.
   *
   * @throws ComponentException naming each bad key in one line ({@link UnknownKeysException} when
   *     keys are unknown, so the caller can still check the rest)
   */
  void validate(Map<String, String> parameters) throws ComponentException;

  /**
   * Does the work: reads inputs from {@link StepContext#input}, writes every output into the empty
   * directory {@link StepContext#output} (the runner hashes and commits it afterwards).
   *
   * @throws ComponentException for a failure the user can act on (reported in one line)
   */
  void run(StepContext context) throws ComponentException;

  /**
   * Whether {@link #run} reads {@link StepContext#championModel()}; the runner then folds the
   * champion's hash into the step's cache key, so a new champion is never compared against with a
   * stale cached result.
   */
  default boolean readsChampion() {
    return false;
  }

  /**
   * Starts, in the background and once per process, work that would otherwise slow this component's
   * first {@link #run} (such as getting its numeric kernels compiled by the JIT), given the step's
   * {@code parameters} as {@link #validate} sees them. The runner calls it when an earlier step of
   * the run starts executing, so that work overlaps the steps before this one. It returns at once,
   * never fails, and never changes what {@link #run} computes. Does nothing by default.
   */
  default void prepare(Map<String, String> parameters) {}

  /**
   * Re-creates this step's warehouse tables from its outputs; the runner calls it after a cache hit
   * so the warehouse always matches the run's artifacts. Does nothing by default.
   */
  default void publish(StepContext context) throws ComponentException {}
}
