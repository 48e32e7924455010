package io.recopipe.components.dataset;

import io.recopipe.model.error.FailureKind;
import io.recopipe.model.error.RecopipeFailure;
import java.io.IOException;

/**
 * A dataset file that does not match its schema. Ingest validated the user's data and wrote these
 * files itself, so a mismatch means they were damaged or edited afterwards: the message names the
 * file, line and column, and says to ingest again rather than to fix the user's data.
 */
public final class CorruptDatasetException extends IOException implements RecopipeFailure {
  private static final long serialVersionUID = 1L;

  /** What to do about it, appended to every message. */
  static final String ADVICE =
      " (ingest validated this file when it wrote it, so it was damaged "
          + "or changed since; run the pipeline again with --no-cache to ingest the data again)";

  /** {@code detail} about the dataset file, with the advice appended. */
  public CorruptDatasetException(String detail) {
    super("corrupt dataset: " + detail + ADVICE);
  }

  @Override
  public final FailureKind failureKind() {
    return FailureKind.FAILED;
  }
}
