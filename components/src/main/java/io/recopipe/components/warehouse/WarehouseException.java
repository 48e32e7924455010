package io.recopipe.components.warehouse;

import io.recopipe.model.error.FailureKind;
import io.recopipe.model.error.RecopipeFailure;

/**
 * A warehouse operation failed; the message names the table or query and the engine's reason in one
 * line, since SQL errors are usually the user's to fix.
 */
public class WarehouseException extends Exception implements RecopipeFailure {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public WarehouseException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public final FailureKind failureKind() {
    return FailureKind.BAD_INPUT;
  }
}
