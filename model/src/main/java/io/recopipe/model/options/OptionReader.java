package io.recopipe.model.options;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one validating reader of option text: it reads {@link Option}s from a section's text values,
 * checks types and ranges, and words every problem the section's way ({@link Wording}), collecting
 * them so a caller can report all at once or stop at the first.
 */
public final class OptionReader {
  /** How text values are cleaned before they are read. */
  public enum Text {
    /** Exactly as given; an empty value is a value. */
    AS_GIVEN,
    /** Trimmed; an empty value is a value. */
    TRIMMED,
    /** Stripped; a blank value counts as unset. */
    BLANK_IS_UNSET
  }

  private final Map<String, String> values;
  private final Wording wording;
  private final Text text;
  private final List<String> problems = new ArrayList<>();

  private OptionReader(Map<String, String> values, Wording wording, Text text) {
    this.values = values;
    this.wording = wording;
    this.text = text;
  }

  /** A reader of {@code values} (by option name) reporting problems in {@code wording}. */
  public static OptionReader of(Map<String, String> values, Wording wording, Text text) {
    return new OptionReader(new HashMap<>(values), wording, text);
  }

  /** The cleaned text of {@code name}; empty when unset. */
  public Optional<String> text(String name) {
    String value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    return switch (text) {
      case AS_GIVEN -> Optional.of(value);
      case TRIMMED -> Optional.of(value.trim());
      case BLANK_IS_UNSET -> value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    };
  }

  /**
   * The value of {@code option}: its default when unset, or when its text is unreadable or out of
   * range (the problem is then recorded).
   */
  public <T> T get(Option<T> option) {
    return find(option).orElseGet(option::defaultValue);
  }

  /** The value of {@code option} when set to a good, non-automatic value; else empty. */
  public <T> Optional<T> find(Option<T> option) {
    return text(option.name()).flatMap(given -> read(option, given));
  }

  /**
   * {@code given} read as {@code option}'s value and checked against its range; empty (with the
   * problem recorded) when it is not good, or when it asks for the automatic value.
   */
  public <T> Optional<T> read(Option<T> option, String given) {
    Read<T> read = parsed(option, given);
    if (!read.ok()) {
      return Optional.empty();
    }
    if (!option.accepts(read.value())) {
      problems.add(wording.outside(option, given, read.value()));
      return Optional.empty();
    }
    return Optional.ofNullable(read.value());
  }

  /** The value of {@code option}, recording a problem when it is unset. */
  public <T> T require(Option<T> option) {
    if (text(option.name()).isEmpty()) {
      problems.add(wording.missing(option));
      return option.defaultValue();
    }
    return get(option);
  }

  /**
   * Reads {@code given} as {@code option}'s type (no range check: a builder checks its values once
   * all are set) and hands the value, null for {@code auto}, to {@code sink}.
   */
  public <T> void parse(Option<T> option, String given, Consumer<T> sink) {
    Read<T> read = parsed(option, given);
    if (read.ok()) {
      sink.accept(read.value());
    }
  }

  /** Checks a typed {@code value} of {@code option}, as a builder holds it. */
  public void check(Option<?> option, Object value) {
    if (!option.accepts(value)) {
      problems.add(
          value == null
              ? wording.missing(option)
              : wording.outside(option, String.valueOf(value), value));
    }
  }

  /** Records a problem found by a rule of the caller's own. */
  public void problem(String message) {
    problems.add(message);
  }

  /** Every problem so far, in the order found. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Throws {@code exception} of the first problem, when there is one. */
  public <E extends Exception> void failOnFirst(Function<String, E> exception) throws E {
    if (!problems.isEmpty()) {
      throw exception.apply(problems.get(0));
    }
  }

  /** A parsed value (null for {@code auto}) or, when not {@code ok}, none. */
  private record Read<T>(boolean ok, T value) {}

  private <T> Read<T> parsed(Option<T> option, String given) {
    try {
      return new Read<>(true, option.parse(given));
    } catch (IllegalArgumentException e) {
      problems.add(wording.unreadable(option, given));
      return new Read<>(false, null);
    }
  }
}
