package io.recopipe.components.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A step's parameters hold keys the step does not know; the message names each one in full ({@code
 * gate.r2_mn}) with the key it most likely meant. It carries the keys so the pipeline's up-front
 * validation can check the remaining values too and report everything in one message.
 */
public final class UnknownKeysException extends ComponentException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> keys;

  private UnknownKeysException(String message, List<String> keys) {
    super(message);
    this.keys = List.copyOf(keys);
  }

  /**
   * Refuses any key of {@code values} outside {@code known}, all of them in one exception.
   *
   * @param section the step or config section, the prefix of every key in the message
   * @param noun what a key is called there, e.g. {@code parameter} or {@code option}
   */
  public static void requireKnown(
      String section, Map<String, String> values, Set<String> known, String noun)
      throws UnknownKeysException {
    List<String> unknown = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String key : new TreeSet<>(values.keySet())) {
      if (!known.contains(key)) {
        unknown.add(key);
        problems.add(describe(section, key, known, noun));
      }
    }
    if (!unknown.isEmpty()) {
      throw new UnknownKeysException(String.join("; ", problems), unknown);
    }
  }

  /**
   * One problem line for an unknown {@code key} of {@code section}: {@code section.key: unknown
   * NOUN (did you mean section.other?)}, or the known keys when none is close.
   */
  public static String describe(String section, String key, Set<String> known, String noun) {
    String prefix = section.isEmpty() ? "" : section + ".";
    String hint =
        KeySuggestions.closest(key, known)
            .map(match -> "did you mean " + prefix + match + "?")
            .orElse(
                known.isEmpty()
                    ? "it takes none"
                    : "known: " + String.join(", ", new TreeSet<>(known)));
    return prefix + key + ": unknown " + noun + " (" + hint + ")";
  }

  /** The unknown keys, without the section prefix, sorted. */
  public List<String> keys() {
    return keys;
  }
}
