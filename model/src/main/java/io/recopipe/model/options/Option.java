package io.recopipe.model.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One typed option as a config spells it: name, type, default, allowed range and a line of
 * documentation, so parsing, validation, defaults and the manifest entry come from one declaration
 * instead of being written out in several places, as Spark MLlib's {@code Param}s.
 *
 * @param name the name as configs (and BigQuery ML, where it has the option) spell it
 * @param type how its text is read
 * @param fallback the default, evaluated when a set of options starts (null: automatic)
 * @param range the allowed values of a numeric option; null when any value goes
 * @param auto whether the text {@code auto} (a null value) asks for the automatic choice
 * @param bigQueryMl whether BigQuery ML's {@code CREATE MODEL} takes the option too
 * @param when the options and values it applies under; empty when always
 * @param doc what it does, in one line
 */
public record Option<T>(
    String name,
    OptionType<T> type,
    Supplier<T> fallback,
    Range range,
    boolean auto,
    boolean bigQueryMl,
    List<Condition> when,
    String doc) {

  /** An option applies only while {@code option} holds {@code value}. */
  public record Condition(Option<?> option, Object value) {}

  /** An option {@code name} of {@code type} defaulting to {@code fallback}. */
  public static <T> Option<T> of(String name, OptionType<T> type, T fallback, String doc) {
    return new Option<>(name, type, () -> fallback, null, false, false, List.of(), doc);
  }

  /** An option whose default is computed each time a set of options starts. */
  public static <T> Option<T> computed(
      String name, OptionType<T> type, Supplier<T> fallback, String doc) {
    return new Option<>(name, type, fallback, null, false, false, List.of(), doc);
  }

  /** This option limited to {@code allowed}. */
  public Option<T> in(Range allowed) {
    return new Option<>(name, type, fallback, allowed, auto, bigQueryMl, when, doc);
  }

  /** This option also accepting {@code auto}, read as null. */
  public Option<T> orAuto() {
    return new Option<>(name, type, fallback, range, true, bigQueryMl, when, doc);
  }

  /** This option marked as one BigQuery ML's {@code CREATE MODEL} takes under its name. */
  public Option<T> alsoInBigQueryMl() {
    return new Option<>(name, type, fallback, range, auto, true, when, doc);
  }

  /** This option applying only while {@code other} is {@code value}. */
  public <V> Option<T> onlyWhen(Option<V> other, V value) {
    List<Condition> all = new ArrayList<>(when);
    all.add(new Condition(other, value));
    return new Option<>(name, type, fallback, range, auto, bigQueryMl, List.copyOf(all), doc);
  }

  /** This option with default {@code value}. */
  public Option<T> withDefault(T value) {
    return new Option<>(name, type, () -> value, range, auto, bigQueryMl, when, doc);
  }

  /** The default (null for an automatic choice). */
  public T defaultValue() {
    return fallback.get();
  }

  /** Reads {@code text}: {@code auto} as null when allowed, else by the type. */
  public T parse(String text) {
    return auto && text.equalsIgnoreCase("auto") ? null : type.parse(text);
  }

  /** Whether {@code value} (of this option's type) is allowed: in range, or null when auto. */
  public boolean accepts(Object value) {
    if (value == null) {
      return auto;
    }
    return range == null || range.contains(((Number) value).doubleValue());
  }

  /** Whether this option applies given the other options' values ({@code values}). */
  public boolean appliesWith(Function<Option<?>, Object> values) {
    return when.stream().allMatch(c -> Objects.equals(values.apply(c.option()), c.value()));
  }
}
