package io.recopipe.pipeline.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rules that tie keys of different sections together, which no single step can check because each
 * step sees only its own section; each rule says which key to change.
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
    int trials;
    try {
      trials = Integer.parseInt(values.getOrDefault("tune.num_trials", "1").trim());
    } catch (NumberFormatException e) {
      return; // the tune step's own check reports it
    }
    String tuned = feedback(values.get("tune.feedback_type"));
    String trained = feedback(values.get("train.feedback_type"));
    if (trials > 1 && tuned != null && trained != null && !tuned.equals(trained)) {
      problems.add(
          "tune.feedback_type ("
              + tuned
              + ") must match train.feedback_type ("
              + trained
              + ") when tune.num_trials > 1, since the trials are scored for one feedback "
              + "type (set tune.feedback_type: "
              + trained
              + ")");
    }
  }

  /** explicit or implicit (the default explicit when unset), or null when unreadable. */
  private static String feedback(String value) {
    String text = value == null ? "explicit" : value.trim().toLowerCase(Locale.ROOT);
    return text.equals("explicit") || text.equals("implicit") ? text : null;
  }
}
