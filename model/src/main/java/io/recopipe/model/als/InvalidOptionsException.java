package io.recopipe.model.als;

import io.recopipe.model.error.InvalidInputException;
import java.util.List;

/**
 * Thrown when training options are out of range or unknown; it lists every problem at once, so a
 * user fixes a config in one pass rather than one error per run.
 */
public final class InvalidOptionsException extends InvalidInputException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  /** Creates the exception from one message per problem. */
  public InvalidOptionsException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one sentence naming the option. */
  public List<String> problems() {
    return problems;
  }
}
