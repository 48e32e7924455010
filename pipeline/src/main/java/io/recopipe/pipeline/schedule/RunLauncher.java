package io.recopipe.pipeline.schedule;

import java.time.Instant;

/**
 * Starts the pipeline run of one firing; an interface so the server starts child processes while
 * tests stand in for a minute-long run with one they finish by hand.
 */
public interface RunLauncher {
  /**
   * Starts a run for {@code schedule}'s firing planned at {@code plannedAt} and returns once the
   * run has an id; throws (with a one-line message) when the run could not start.
   */
  RunHandle launch(Schedule schedule, Instant plannedAt);
}
