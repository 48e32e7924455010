package io.recopipe.pipeline.schedule;

/** What became of one firing, so the history says why a run did or did not start. */
public enum FiringOutcome {
  /** A run started; the firing names it. */
  STARTED,
  /** No run started; the reason says why (overlap, missed while down, paused). */
  SKIPPED,
  /** The firing waits for the previous run to end (overlap {@code queue}). */
  QUEUED,
  /** The run could not be started; the reason says why and where the log is. */
  FAILED
}
