package io.recopipe.pipeline.config;

/**
 * A pipeline config that cannot be used: malformed YAML, an unknown section or a bad override.
 * The message is one line naming the file, line and column or key, so the CLI maps it to exit
 * code 2.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message. */
  public ConfigException(String message) {
    super(message);
  }
}
