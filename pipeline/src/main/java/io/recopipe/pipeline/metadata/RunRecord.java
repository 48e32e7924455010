package io.recopipe.pipeline.metadata;

import java.time.Instant;
import java.util.Map;

/**
 * One pipeline run as recorded, including the process that ran it so a killed run can be told from
 * one still running.
 *
 * @param id the run id
 * @param pipeline the pipeline name
 * @param status its status
 * @param message the failure or gate message (null when none)
 * @param parameters the run's flat parameters
 * @param startedAt when it started
 * @param endedAt when it ended (null while running)
 * @param who the user who started it
 * @param pid the runner's process id (0 when unknown)
 * @param pidStarted the runner process's start time as the OS reports it (null when unknown)
 * @param noCache whether it runs with {@code --no-cache} (a resume keeps it)
 * @param committedAt when it reached its commit point (null before, and for runs that never do)
 */
public record RunRecord(
    String id,
    String pipeline,
    RunStatus status,
    String message,
    Map<String, String> parameters,
    Instant startedAt,
    Instant endedAt,
    String who,
    long pid,
    String pidStarted,
    boolean noCache,
    Instant committedAt) {
  /** A run with the cache on that has not committed. */
  public RunRecord(
      String id,
      String pipeline,
      RunStatus status,
      String message,
      Map<String, String> parameters,
      Instant startedAt,
      Instant endedAt,
      String who,
      long pid,
      String pidStarted) {
    this(
        id,
        pipeline,
        status,
        message,
        parameters,
        startedAt,
        endedAt,
        who,
        pid,
        pidStarted,
        false,
        null);
  }
}
