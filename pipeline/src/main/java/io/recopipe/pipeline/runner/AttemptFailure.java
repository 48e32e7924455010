package io.recopipe.pipeline.runner;

/**
 * Why a step's last attempt failed, already phrased as the run's one-line message.
 *
 * @param message   the message recorded on the execution and the run
 * @param attempts  how many attempts were made
 */
record AttemptFailure(String message, int attempts, boolean rolledBack) {
  AttemptFailure(String message, int attempts) {
    this(message, attempts, false);
  }
}
