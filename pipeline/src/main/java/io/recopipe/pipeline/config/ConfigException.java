package io.recopipe.pipeline.config;

import java.util.List;

/**
 * A pipeline config that cannot be used: malformed YAML, a duplicate or unknown key, a bad value.
 * The message is one line naming the file, line and column or the key, and the CLI maps this
 * type to exit code 2; validation lists every problem it found in {@link #problems()}.
 */
public class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  /** Creates the exception with a one-line message. */
  public ConfigException(String message) {
    super(message);
    this.problems = List.of(message);
  }

  /**
   * Creates the exception for the problems of the config {@code source}: one line, a header
   * naming the config's layers and then each problem, separated by {@code "; "}.
   */
  public ConfigException(String source, List<String> problems) {
    super("invalid config (" + source + "): " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one line naming its key. */
  public List<String> problems() {
    return problems;
  }
}
