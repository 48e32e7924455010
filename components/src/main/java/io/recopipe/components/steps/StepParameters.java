package io.recopipe.components.steps;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.UnknownKeysException;
import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionReader;
import io.recopipe.model.options.OptionType;
import io.recopipe.model.options.Range;
import io.recopipe.model.options.Wording;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A step's text parameters read as typed values, with every unknown key and unreadable value turned
 * into one line naming the step, so a typo in a config fails before any work starts.
 */
public final class StepParameters {
  /** A threshold: a finite number, or {@code none}/{@code off} for "no threshold". */
  static final OptionType<OptionalDouble> THRESHOLD =
      new OptionType<>("a finite number (or none)", StepParameters::parseThreshold, v -> v, false);

  private static final Set<String> DISABLED = Set.of("none", "off", "null", "");

  private final OptionReader reader;

  private StepParameters(OptionReader reader) {
    this.reader = reader;
  }

  /**
   * Checks that every key of {@code values} is in {@code known}.
   *
   * @param noun what a key is called in the message ("option" or "parameter")
   * @throws UnknownKeysException listing every unknown key at once, each with a "did you mean"
   */
  public static StepParameters of(
      String step, Map<String, String> values, Set<String> known, String noun)
      throws ComponentException {
    UnknownKeysException.requireKnown(step, values, known, noun);
    return new StepParameters(
        OptionReader.of(values, Wording.mustBe(step + ": parameter "), OptionReader.Text.TRIMMED));
  }

  /** The raw text of {@code name}, when set. */
  public Optional<String> text(String name) {
    return reader.text(name);
  }

  /** The value of {@code option}, its default when unset. */
  public <T> T get(Option<T> option) throws ComponentException {
    T value = reader.get(option);
    reader.failOnFirst(ComponentException::new);
    return value;
  }

  /** A threshold: {@code fallback} when unset, empty when set to {@code none} or {@code off}. */
  public OptionalDouble threshold(String name, OptionalDouble fallback) throws ComponentException {
    return get(Option.of(name, THRESHOLD, fallback, ""));
  }

  /** A whole number in {@code min..max}, {@code fallback} when unset. */
  public int integer(String name, int fallback, int min, int max) throws ComponentException {
    return get(Option.of(name, OptionType.INTEGER, fallback, "").in(Range.closed(min, max)));
  }

  /** {@code true} or {@code false}, {@code fallback} when unset. */
  public boolean flag(String name, boolean fallback) throws ComponentException {
    return get(Option.of(name, OptionType.BOOLEAN, fallback, ""));
  }

  private static OptionalDouble parseThreshold(String text) {
    if (DISABLED.contains(text.toLowerCase(Locale.ROOT))) {
      return OptionalDouble.empty();
    }
    double value = Double.parseDouble(text);
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(text);
    }
    return OptionalDouble.of(value);
  }
}
