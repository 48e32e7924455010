package io.recopipe.pipeline.runner;

/**
 * Why a step's last attempt failed, already phrased as the run's one-line message.
 *
 * @param message the message recorded on the execution and the run
 * @param attempts how many attempts were made
 * @param rolledBack whether a deploy was rolled back (the run ends ROLLED_BACK)
 * @param badInput whether the user's input data was at fault (the CLI exits 2)
 */
record AttemptFailure(String message, int attempts, boolean rolledBack, boolean badInput) {
  AttemptFailure(String message, int attempts) {
    this(message, attempts, false, false);
  }
}
