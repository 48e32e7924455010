package io.recopipe.components.steps;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.UnknownKeysException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A step's text parameters read as typed values, with every unknown key and unreadable value
 * turned into one line naming the step, so a typo in a config fails before any work starts.
 */
public final class StepParameters {
  private static final Set<String> DISABLED = Set.of("none", "off", "null", "");

  private final String step;
  private final Map<String, String> values;

  private StepParameters(String step, Map<String, String> values) {
    this.step = step;
    this.values = values;
  }

  /**
   * Checks that every key of {@code values} is in {@code known}.
   *
   * @param noun what a key is called in the message ("option" or "parameter")
   * @throws UnknownKeysException listing every unknown key at once, each with a "did you mean"
   */
  public static StepParameters of(String step, Map<String, String> values, Set<String> known,
      String noun) throws ComponentException {
    UnknownKeysException.requireKnown(step, values, known, noun);
    return new StepParameters(step, values);
  }

  /** The raw text of {@code name}, when set. */
  Optional<String> text(String name) {
    return Optional.ofNullable(values.get(name)).map(String::trim);
  }

  /**
   * A threshold: {@code fallback} when unset, empty when set to {@code none} or {@code off}.
   */
  public OptionalDouble threshold(String name, OptionalDouble fallback) throws ComponentException {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return fallback;
    }
    if (DISABLED.contains(text.get().toLowerCase(Locale.ROOT))) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(finite(name, text.get()));
  }

  /** A whole number in {@code min..max}, {@code fallback} when unset. */
  int integer(String name, int fallback, int min, int max) throws ComponentException {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ComponentException(step + ": parameter " + name + " must be an integer in " + min
        + ".." + max + ", was '" + text.get() + "'");
  }

  /** {@code true} or {@code false}, {@code fallback} when unset. */
  public boolean flag(String name, boolean fallback) throws ComponentException {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return fallback;
    }
    String value = text.get().toLowerCase(Locale.ROOT);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new ComponentException(step + ": parameter " + name + " must be true or false, was '"
        + text.get() + "'");
  }

  private double finite(String name, String text) throws ComponentException {
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ComponentException(step + ": parameter " + name + " must be a finite number (or "
        + "none), was '" + text + "'");
  }
}
