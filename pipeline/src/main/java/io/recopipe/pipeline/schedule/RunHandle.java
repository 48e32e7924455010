package io.recopipe.pipeline.schedule;

import java.util.Optional;

/**
 * A run the scheduler started, so it can tell whether the schedule's previous run still runs (the
 * overlap policy) without knowing how the run was started.
 */
public interface RunHandle {
  /** The run's id in the metadata store. */
  String runId();

  /** True until the run has ended. */
  boolean running();

  /** How the run ended (e.g. "exit 0"), empty while it runs. */
  Optional<String> outcome();
}
