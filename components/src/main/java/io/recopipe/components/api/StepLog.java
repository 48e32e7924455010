package io.recopipe.components.api;

/**
 * Where a step writes its log: kept as an artifact of the execution (so logs outlive the process)
 * and echoed as progress to the user's terminal.
 */
public interface StepLog {
  /** One line of the step's log. */
  void info(String line);

  /** One line that is also progress the user should see while waiting (rows read, iterations). */
  void progress(String line);
}
