package io.recopipe.pipeline.config;

import io.recopipe.components.tuning.TuningOptions;
import io.recopipe.model.als.AlsOptionTable;
import io.recopipe.model.als.FeedbackType;
import io.recopipe.model.options.OptionReader;
import io.recopipe.model.options.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rules that tie keys of different sections together, which no single step can check because each
 * step sees only its own section; each rule says which key to change. Values are read with the
 * options the steps declare, so a default or a spelling is never written twice.
 */
final class CrossSectionRules {
  private CrossSectionRules() {}

  /** Every broken rule in {@code values}, one line each. */
  static List<String> problems(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    tunedFeedbackMatchesTrain(values, problems);
    return problems;
  }

  /**
   * Tuning scores its trials for one feedback type and train refuses best options tuned for the
   * other, so a mismatch would only fail after every trial has run.
   */
  private static void tunedFeedbackMatchesTrain(Map<String, String> values, List<String> problems) {
    Map<String, String> tune = section("tune", values);
    if (!TuningOptions.requested(tune)) {
      return; // an unreadable num_trials is the tune step's own check to report
    }
    Optional<String> tuned = feedback(tune);
    Optional<String> trained = feedback(section("train", values));
    if (tuned.isPresent() && trained.isPresent() && !tuned.equals(trained)) {
      problems.add(
          "tune.feedback_type ("
              + tuned.get()
              + ") must match train.feedback_type ("
              + trained.get()
              + ") when tune.num_trials > 1, since the trials are scored for one feedback "
              + "type (set tune.feedback_type: "
              + trained.get()
              + ")");
    }
  }

  /**
   * explicit or implicit (the option's default when unset), lower-case; empty when unreadable, as
   * the step's own check reports it.
   */
  private static Optional<String> feedback(Map<String, String> section) {
    OptionReader reader = OptionReader.of(section, Wording.cannotRead(), OptionReader.Text.TRIMMED);
    Optional<FeedbackType> type =
        reader.text(AlsOptionTable.FEEDBACK_TYPE.name()).isEmpty()
            ? Optional.of(AlsOptionTable.FEEDBACK_TYPE.defaultValue())
            : reader.find(AlsOptionTable.FEEDBACK_TYPE);
    return type.map(t -> t.name().toLowerCase(Locale.ROOT));
  }

  /** The keys of section {@code name}, without its prefix. */
  private static Map<String, String> section(String name, Map<String, String> values) {
    Map<String, String> section = new TreeMap<>();
    String prefix = name + ".";
    values.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) {
            section.put(key.substring(prefix.length()), value);
          }
        });
    return section;
  }
}
