package io.recopipe.model.hybrid;

import io.recopipe.model.als.InvalidOptionsException;
import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionReader;
import io.recopipe.model.options.OptionType;
import io.recopipe.model.options.Range;
import io.recopipe.model.options.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hybrid model's options ({@code hybrid.*} in a pipeline config), declared once as {@link
 * Option}s and validated together by the shared {@link OptionReader}, so every problem is reported
 * in one message, as {@link io.recopipe.model.als.AlsOptions} does.
 *
 * @param l2Reg ridge penalty on standardized coefficients (BigQuery ML's l2_reg)
 * @param coldStartFraction fraction of eval users scored as cold when the split has none
 * @param seed seed choosing the simulated cold-start users
 */
public record HybridOptions(double l2Reg, double coldStartFraction, long seed) {
  /** Ridge penalty on standardized coefficients. */
  public static final Option<Double> L2_REG =
      Option.of("l2_reg", OptionType.NUMBER, 10.0, "ridge penalty on standardized coefficients")
          .in(Range.above(0, 1e9));

  /** Share of eval users scored as cold when the split has none. */
  public static final Option<Double> COLD_START_FRACTION =
      Option.of(
              "cold_start_fraction",
              OptionType.NUMBER,
              0.1,
              "share of eval users scored as cold when the split has none")
          .in(Range.above(0, 1));

  /** Seed choosing the simulated cold-start users (read as a number, used whole). */
  public static final Option<Double> SEED =
      Option.of("seed", OptionType.NUMBER, 42.0, "seed choosing the simulated cold-start users")
          .in(Range.closed(0, Long.MAX_VALUE));

  /** The option names, as written in a config. */
  public static final List<String> NAMES =
      List.of(L2_REG.name(), COLD_START_FRACTION.name(), SEED.name());

  /** The wording of every problem: {@code l2_reg must be a number in (0, 1000000000], was '0'}. */
  public static final Wording WORDING = Wording.mustBe("");

  /** The defaults. */
  public static HybridOptions defaults() {
    return new HybridOptions(
        L2_REG.defaultValue(), COLD_START_FRACTION.defaultValue(), SEED.defaultValue().longValue());
  }

  /**
   * Reads options by name; absent ones keep their defaults.
   *
   * @throws InvalidOptionsException listing every unknown name and bad value at once
   */
  public static HybridOptions fromMap(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    for (String key : new TreeMap<>(values).keySet()) {
      if (!NAMES.contains(key)) {
        problems.add(
            "unknown hybrid option '" + key + "' (known: " + String.join(", ", NAMES) + ")");
      }
    }
    OptionReader reader = OptionReader.of(values, WORDING, OptionReader.Text.TRIMMED);
    HybridOptions options = read(reader);
    problems.addAll(reader.problems());
    if (!problems.isEmpty()) {
      throw new InvalidOptionsException(problems);
    }
    return options;
  }

  /**
   * The options {@code reader} holds, each bad value recorded as a problem of the reader (its
   * default stands in for it), so a step can report them with problems of its own.
   */
  public static HybridOptions read(OptionReader reader) {
    return new HybridOptions(
        reader.get(L2_REG), reader.get(COLD_START_FRACTION), reader.get(SEED).longValue());
  }
}
