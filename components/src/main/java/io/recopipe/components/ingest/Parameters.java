package io.recopipe.components.ingest;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.UnknownKeysException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to a step's text parameters with one-line errors that name the full key
 * ({@code ingest.eval_fraction: expected …, found …}), so a bad config is fixed without guessing
 * which option was meant.
 */
final class Parameters {
  private final String prefix;
  private final Map<String, String> values;

  Parameters(String prefix, Map<String, String> values) {
    this.prefix = prefix;
    this.values = Map.copyOf(values);
  }

  /** Refuses keys outside {@code known}, all at once, each with a "did you mean". */
  void requireOnly(Set<String> known) throws ComponentException {
    UnknownKeysException.requireKnown(prefix.substring(0, prefix.length() - 1), values, known,
        "parameter");
  }

  /** The key as the user wrote it, with the step prefix. */
  String key(String name) {
    return prefix + name;
  }

  Optional<String> text(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** The value exactly as given (a tab delimiter is blank to {@link #text(String)}). */
  Optional<String> raw(String name) {
    String value = values.get(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  String text(String name, String fallback) {
    return text(name).orElse(fallback);
  }

  String required(String name, String expected) throws ComponentException {
    return text(name).orElseThrow(() -> new ComponentException(key(name) + ": expected "
        + expected + ", found nothing"));
  }

  long integer(String name, long fallback) throws ComponentException {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(text.get());
    } catch (NumberFormatException e) {
      throw new ComponentException(key(name) + ": expected an integer, found '" + text.get()
          + "'");
    }
  }

  /** A positive integer no larger than {@code max}. */
  int positive(String name, int fallback, int max) throws ComponentException {
    long value = integer(name, fallback);
    if (value < 1 || value > max) {
      throw new ComponentException(key(name) + ": expected an integer in 1.." + max + ", found "
          + value);
    }
    return (int) value;
  }

  Optional<Double> number(String name) throws ComponentException {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      double value = Double.parseDouble(text.get());
      if (Double.isFinite(value)) {
        return Optional.of(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ComponentException(key(name) + ": expected a number, found '" + text.get() + "'");
  }

  /** A number strictly between 0 and 1. */
  double fraction(String name, double fallback) throws ComponentException {
    double value = number(name).orElse(fallback);
    if (!(value > 0 && value < 1)) {
      throw new ComponentException(key(name) + ": expected a number in (0, 1), found "
          + text(name).orElse(Double.toString(value)));
    }
    return value;
  }

  Optional<Boolean> bool(String name) throws ComponentException {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String lower = text.get().toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false")) {
      return Optional.of(Boolean.parseBoolean(lower));
    }
    throw new ComponentException(key(name) + ": expected true or false, found '" + text.get()
        + "'");
  }

  /** One of {@code choices} (case-insensitive), lowercased. */
  String choice(String name, String fallback, String... choices) throws ComponentException {
    String value = text(name, fallback).toLowerCase(Locale.ROOT);
    for (String choice : choices) {
      if (choice.equals(value)) {
        return value;
      }
    }
    throw new ComponentException(key(name) + ": expected " + String.join(" or ", choices)
        + ", found '" + text(name, fallback) + "'");
  }
}
