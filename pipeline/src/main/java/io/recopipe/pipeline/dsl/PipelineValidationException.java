package io.recopipe.pipeline.dsl;

import io.recopipe.model.error.InvalidInputException;
import java.util.List;

/**
 * A pipeline definition is wrong; carries every problem found at once so a user fixes them in one
 * pass instead of one per attempt.
 */
public class PipelineValidationException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** Creates the exception for pipeline {@code pipeline} with its problems. */
  public PipelineValidationException(String pipeline, List<String> problems) {
    super("pipeline " + pipeline + " is invalid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, one line each, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
