package io.recopipe.model.options;

import java.util.Locale;
import java.util.function.Function;

/**
 * How an option's text becomes a typed value and how that value is spelled back in a manifest, so
 * "an integer" or "true or false" is read the same way by every config section.
 *
 * @param noun what the text must be, as messages say it ("an integer", "cg or cholesky")
 * @param parser text to value; throws {@link IllegalArgumentException} when it cannot
 * @param spelling value to what a manifest records (the value itself for numbers and flags)
 * @param integral whether values are whole numbers
 */
public record OptionType<T>(
    String noun, Function<String, T> parser, Function<T, Object> spelling, boolean integral) {
  /** A 32-bit integer. */
  public static final OptionType<Integer> INTEGER =
      new OptionType<>("an integer", Integer::valueOf, v -> v, true);

  /** A 64-bit integer. */
  public static final OptionType<Long> LONG =
      new OptionType<>("an integer", Long::valueOf, v -> v, true);

  /** Any number Java reads, NaN and Infinity included (a range then refuses them). */
  public static final OptionType<Double> NUMBER =
      new OptionType<>("a number", Double::valueOf, v -> v, false);

  /** A finite number: NaN and Infinity cannot be read. */
  public static final OptionType<Double> FINITE =
      new OptionType<>("a number", OptionType::finite, v -> v, false);

  /** {@code true} or {@code false}, in any case. */
  public static final OptionType<Boolean> BOOLEAN =
      new OptionType<>("true or false", OptionType::bool, v -> v, false);

  /** Free text, described to the user as {@code noun}. */
  public static OptionType<String> text(String noun) {
    return new OptionType<>(noun, text -> text, v -> v, false);
  }

  /** One of a fixed set of values, parsed by {@code parser} and spelled by {@code spelling}. */
  public static <T> OptionType<T> choice(
      String noun, Function<String, T> parser, Function<T, String> spelling) {
    return new OptionType<>(noun, parser, spelling::apply, false);
  }

  /** One of {@code choices} in any case, read lowercased. */
  public static OptionType<String> oneOf(String... choices) {
    return choice(
        String.join(" or ", choices),
        text -> {
          String lower = text.toLowerCase(Locale.ROOT);
          for (String choice : choices) {
            if (choice.equals(lower)) {
              return lower;
            }
          }
          throw new IllegalArgumentException(text);
        },
        v -> v);
  }

  /** Parses {@code text}; throws {@link IllegalArgumentException} when it cannot. */
  public T parse(String text) {
    return parser.apply(text);
  }

  /** How a manifest records {@code value}, a value of this type or null. */
  @SuppressWarnings("unchecked")
  public Object spell(Object value) {
    return value == null ? null : spelling.apply((T) value);
  }

  private static Double finite(String text) {
    double value = Double.parseDouble(text);
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(text);
    }
    return value;
  }

  private static Boolean bool(String text) {
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(text);
  }
}
