package io.recopipe.pipeline.config;

import io.recopipe.model.error.InvalidInputException;
import java.util.List;

/**
 * A pipeline config that cannot be used: malformed YAML, a duplicate or unknown key, a bad value.
 * The message is one line naming the file, line and column or the key, and the CLI exits 2 (bad
 * input); validation lists every problem it found in {@link #problems()}.
 */
public class ConfigException extends InvalidInputException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  /** Creates the exception with a one-line message. */
  public ConfigException(String message) {
    super(printable(message));
    this.problems = List.of(printable(message));
  }

  /**
   * Creates the exception for the problems of the config {@code source}: one line, a header naming
   * the config's layers and then each problem, separated by {@code "; "}.
   */
  public ConfigException(String source, List<String> problems) {
    super(printable("invalid config (" + source + "): " + String.join("; ", problems)));
    this.problems = problems.stream().map(ConfigException::printable).toList();
  }

  /** {@code text} on one line with control characters escaped, for error messages. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    String.valueOf(text)
        .codePoints()
        .forEach(
            c -> {
              if (c == '\n' || c == '\r') {
                out.append(' ');
              } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** Each problem, one line naming its key. */
  public List<String> problems() {
    return problems;
  }
}
