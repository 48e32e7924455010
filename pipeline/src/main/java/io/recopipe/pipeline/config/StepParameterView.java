package io.recopipe.pipeline.config;

import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionReader;
import io.recopipe.model.options.OptionType;
import io.recopipe.model.options.Wording;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks one step's parameters out of a run's flat parameter map, so each component sees only what
 * is meant for it and its cache key changes only when those values change.
 *
 * <p>The rule: a key {@code STEP.name} reaches step {@code STEP} as {@code name}; a key without a
 * dot (e.g. {@code seed}) is global and reaches every step; a step-prefixed key overrides a global
 * one of the same name. Keys prefixed with another step's name are not seen. The key {@code
 * STEP.cache} is the runner's, not the component's: {@code cache: false} in a step's config section
 * turns caching off for that step (see {@link #cacheDisabled}).
 */
public final class StepParameterView {
  private StepParameterView() {}

  /** The runner's own per-step key: {@code STEP.cache: false} disables caching for the step. */
  public static final String CACHE = "cache";

  private static final Option<Boolean> CACHE_OPTION =
      Option.of(
          CACHE, OptionType.BOOLEAN, true, "false turns the runner's step cache off for the step");

  /** Whether the run's parameters switch caching off for {@code step}. */
  public static boolean cacheDisabled(String step, Map<String, String> runParameters) {
    String value = runParameters.get(step + "." + CACHE);
    if (value == null) {
      return false;
    }
    OptionReader reader =
        OptionReader.of(
            Map.of(CACHE, value), Wording.expected(step + "."), OptionReader.Text.AS_GIVEN);
    boolean cache = reader.get(CACHE_OPTION);
    reader.failOnFirst(InvalidInputException::new);
    return !cache;
  }

  /** The parameters of step {@code step} for its component, sorted by name. */
  public static Map<String, String> of(String step, Map<String, String> runParameters) {
    Map<String, String> scoped = new TreeMap<>();
    runParameters.forEach(
        (key, value) -> {
          if (key.indexOf('.') < 0) {
            scoped.putIfAbsent(key, value);
          }
        });
    String prefix = step + ".";
    runParameters.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)
              && key.length() > prefix.length()
              && !key.equals(prefix + CACHE)) {
            scoped.put(key.substring(prefix.length()), value);
          }
        });
    return scoped;
  }
}
