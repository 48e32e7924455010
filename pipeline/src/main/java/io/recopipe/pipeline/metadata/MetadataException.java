package io.recopipe.pipeline.metadata;

import io.recopipe.model.error.OperationFailedException;

/**
 * The metadata store could not be read or written; unchecked because no caller can recover beyond
 * reporting it, and the message names the operation and SQLite's reason.
 */
public class MetadataException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public MetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
