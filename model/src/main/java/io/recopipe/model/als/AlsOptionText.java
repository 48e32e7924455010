package io.recopipe.model.als;

import io.recopipe.model.options.Option;
import io.recopipe.model.options.OptionReader;
import io.recopipe.model.options.Wording;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Training options to and from text, driven by {@link AlsOptionTable}: a config's values are read
 * under their (case-insensitive) names with every problem kept, and a manifest records each option
 * that applies, in table order, automatic values resolved.
 */
final class AlsOptionText {
  /** How training option problems are worded ({@code option seed: cannot read 'x' as …}). */
  static final Wording WORDING = Wording.cannotRead();

  private AlsOptionText() {}

  /** Reads {@code values}, reporting every unknown name and bad value in one exception. */
  static AlsOptions read(Map<String, String> values) {
    AlsOptions.Builder b = AlsOptions.builder();
    OptionReader reader = OptionReader.of(Map.of(), WORDING, OptionReader.Text.TRIMMED);
    for (Map.Entry<String, String> entry : values.entrySet()) {
      Option<?> option = AlsOptionTable.named(entry.getKey().trim().toLowerCase(Locale.ROOT));
      if (option == null) {
        reader.problem(
            "unknown option '"
                + entry.getKey()
                + "' (known: "
                + String.join(", ", new TreeSet<>(AlsOptionTable.NAMES))
                + ")");
      } else {
        readInto(b, reader, option, entry.getValue() == null ? "" : entry.getValue().trim());
      }
    }
    List<String> problems = new ArrayList<>(reader.problems());
    problems.addAll(b.problems());
    if (!problems.isEmpty()) {
      throw new InvalidOptionsException(problems);
    }
    return b.build();
  }

  private static <T> void readInto(
      AlsOptions.Builder b, OptionReader reader, Option<T> option, String text) {
    reader.parse(option, text, value -> b.set(option, value));
  }

  /** The options of {@code o} that apply, as a manifest records them, in table order. */
  static Map<String, Object> toMap(AlsOptions o, long trainingRows) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Option<?> option : AlsOptionTable.ALL) {
      if (option.appliesWith(o::value)) {
        map.put(option.name(), recorded(o, option, trainingRows));
      }
    }
    return map;
  }

  /** The entries of {@link #toMap} that BigQuery ML's CREATE MODEL takes too. */
  static Map<String, Object> bigQueryMlOptions(AlsOptions o, long trainingRows) {
    Map<String, Object> map = toMap(o, trainingRows);
    map.keySet().removeIf(name -> !AlsOptionTable.named(name).bigQueryMl());
    return map;
  }

  private static Object recorded(AlsOptions o, Option<?> option, long trainingRows) {
    if (option == AlsOptionTable.NUM_FACTORS) {
      return o.resolvedNumFactors(trainingRows);
    } else if (option == AlsOptionTable.INTERCEPT_L2_REG) {
      return o.resolvedInterceptL2Reg();
    } else if (option == AlsOptionTable.BURN_IN_ITERATIONS) {
      return o.resolvedBurnInIterations();
    }
    return option.type().spell(o.value(option));
  }

  /** Every problem of a builder's values: each against its range, then the cross-option rules. */
  static List<String> problems(AlsOptions candidate) {
    OptionReader reader = OptionReader.of(Map.of(), WORDING, OptionReader.Text.TRIMMED);
    AlsOptionTable.ALL.forEach(option -> reader.check(option, candidate.value(option)));
    List<String> problems = new ArrayList<>(reader.problems());
    problems.addAll(AlsOptionRules.problems(candidate));
    return problems;
  }
}
