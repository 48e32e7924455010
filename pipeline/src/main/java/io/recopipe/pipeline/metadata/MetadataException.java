package io.recopipe.pipeline.metadata;

/**
 * The metadata store could not be read or written; unchecked because no caller can recover
 * beyond reporting it, and the message names the operation and SQLite's reason.
 */
public class MetadataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public MetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
